package io.edgecoord.device.network;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * A block of addresses written as CIDR ({@code 10.0.0.0/8}, {@code fd00::/8}) or one address
 * ({@code 127.0.0.1}), matched over the address bytes. IPv4-mapped addresses match as the IPv4
 * address they carry.
 *
 * @param network the first address of the block
 * @param prefixLength the bits of {@code network} that every address in the block shares
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("a prefix length of " + Addresses.text(network) + " lies in 0.." + bits
                    + ", not " + prefixLength);
        }
    }

    /** Parses {@code address[/prefix]}; names are refused, as is a block with host bits set. */
    public static Cidr parse(String text) {
        String trimmed = text.strip();
        int slash = trimmed.indexOf('/');
        String addressText = (slash < 0) ? trimmed : trimmed.substring(0, slash);
        InetAddress parsed = Addresses.literal(addressText)
            .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not an IPv4 or IPv6 CIDR block"));
        InetAddress address = Addresses.canonical(parsed);
        int bits = address.getAddress().length * 8;
        int prefix = (slash < 0) ? bits : prefix(text, trimmed.substring(slash + 1));
        if (address instanceof Inet4Address && addressText.contains(":")) {
            // ::ffff:10.0.0.0/104 is 10.0.0.0/8 written the IPv6 way.
            prefix -= 96;
        }
        if (prefix < 0 || prefix > bits) {
            throw new IllegalArgumentException("'" + text + "' has a prefix length outside 0.." + bits);
        }
        Cidr cidr = new Cidr(address, prefix);
        if (!cidr.network().equals(cidr.first())) {
            throw new IllegalArgumentException("'" + text + "' has host bits set; did you mean "
                    + Addresses.text(cidr.first()) + "/" + prefix + "?");
        }
        return cidr;
    }

    /** Whether the address lies in this block. */
    public boolean contains(InetAddress address) {
        byte[] candidate = Addresses.canonical(address).getAddress();
        byte[] block = this.network.getAddress();
        if (candidate.length != block.length) {
            return false;
        }
        for (int bit = 0; bit < this.prefixLength; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((candidate[bit / 8] & mask) != (block[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    /** Whether the block is a single address ({@code /32} or {@code /128}). */
    public boolean isSingleAddress() {
        return this.prefixLength == this.network.getAddress().length * 8;
    }

    /** The first address of the block named by {@code network}'s first {@code prefixLength} bits. */
    private InetAddress first() {
        byte[] bytes = this.network.getAddress();
        for (int bit = this.prefixLength; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return Addresses.byAddress(bytes);
    }

    private static int prefix(String text, String digits) {
        if (!digits.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("'" + text + "' has no prefix length after '/'");
        }
        return Integer.parseInt(digits);
    }

    @Override
    public String toString() {
        return Addresses.text(this.network) + "/" + this.prefixLength;
    }
}
