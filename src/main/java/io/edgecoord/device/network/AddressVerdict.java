package io.edgecoord.device.network;

/** What the network policy says of one address: allowed, or refused by a named rule. */
public sealed interface AddressVerdict {

    /** The address may be polled. */
    record Allowed() implements AddressVerdict {
    }

    /**
     * The address may not be polled.
     *
     * @param rule the rule that refused it
     * @param address the address, as text
     * @param reason what the address is and how, if at all, to allow it
     */
    record Refused(AddressRule rule, String address, String reason) implements AddressVerdict {

        /**
         * The refusal as an operator reads it, for a device whose URL names {@code host}: "127.0.0.1
         * is a loopback address; …", "localhost resolves to 127.0.0.1, which is a loopback address; …".
         */
        public String detail(String host) {
            String bare = Addresses.unbracketed(host);
            if (bare.equalsIgnoreCase(this.address)) {
                return this.address + " is " + this.reason;
            }
            String how = Addresses.literal(bare).isPresent() ? " is " : " resolves to ";
            return bare + how + this.address + ", which is " + this.reason;
        }
    }
}
