package io.edgecoord.device.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Address literals without DNS, the IPv4 address an IPv6 one stands for, and short text forms.
 * The JDK resolves anything {@link InetAddress#getByName} does not take for a literal (such as
 * {@code 256.1.1.1}), so configuration is parsed here and never sent to a name server.
 */
public final class Addresses {

    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** {@code ::ffff:0:0/96}: an IPv4 address in IPv6 clothing, reached over IPv4. */
    private static final byte[] MAPPED_PREFIX = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff };

    /** {@code 64:ff9b::/96} (RFC 6052): a NAT64 gateway forwards it to the IPv4 address it carries. */
    private static final byte[] NAT64_PREFIX = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

    private Addresses() {
    }

    /** The address a literal names, or empty when the text is not an IPv4 or IPv6 literal (brackets allowed). */
    public static Optional<InetAddress> literal(String text) {
        String bare = unbracketed(text);
        if (IPV4.matcher(bare).matches()) {
            byte[] bytes = new byte[4];
            String[] parts = bare.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                bytes[i] = (byte) octet;
            }
            return Optional.of(byAddress(bytes));
        }
        if (!IPV6.matcher(bare).matches()) {
            return Optional.empty();
        }
        try {
            // A string with a colon is only ever parsed as an IPv6 literal, never looked up.
            return Optional.of(InetAddress.getByName(bare));
        }
        catch (UnknownHostException ex) {
            return Optional.empty();
        }
    }

    /** A URL's host without the brackets of an IPv6 literal: {@code [::1]} becomes {@code ::1}. */
    public static String unbracketed(String host) {
        return (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
    }

    /** The address as the rules judge it: IPv4-mapped and NAT64 addresses become the IPv4 address they carry. */
    public static InetAddress canonical(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            byte[] prefix = Arrays.copyOf(bytes, 12);
            if (Arrays.equals(prefix, MAPPED_PREFIX) || Arrays.equals(prefix, NAT64_PREFIX)) {
                return byAddress(Arrays.copyOfRange(bytes, 12, 16));
            }
        }
        return address;
    }

    /** {@code 10.0.0.5}, {@code ::1}, {@code fe80::1}: IPv6 with its longest run of zero groups shortened. */
    public static String text(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.getHostAddress();
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    static InetAddress byAddress(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        }
        catch (UnknownHostException ex) {
            throw new IllegalArgumentException("an address has 4 or 16 bytes, not " + bytes.length, ex);
        }
    }
}
