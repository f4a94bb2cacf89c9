package io.edgecoord.device.network;

import java.net.UnknownHostException;

/**
 * The network policy refused an address that a device's host is or resolves to. An
 * {@link UnknownHostException}, so that an HTTP client's name resolution may throw it and no
 * connection is opened.
 */
public final class AddressRefusedException extends UnknownHostException {

    private final AddressRule rule;

    AddressRefusedException(String host, AddressVerdict.Refused refusal) {
        super(refusal.detail(host));
        this.rule = refusal.rule();
    }

    /** The rule that refused the address. */
    public AddressRule rule() {
        return this.rule;
    }
}
