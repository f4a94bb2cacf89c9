package io.edgecoord.device.network;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.function.Supplier;

/**
 * Resolves a device's host and judges every address it resolves to, before any connection: the
 * caller connects only to the addresses returned, so a name that resolves to a device today and
 * to loopback tomorrow (DNS rebinding) is refused tomorrow. Thread-safe.
 */
public final class AddressGuard {

    private final NetworkPolicy policy;

    private final Supplier<OwnEndpoints> own;

    private final HostResolver resolver;

    public AddressGuard(NetworkPolicy policy, Supplier<OwnEndpoints> own, HostResolver resolver) {
        this.policy = policy;
        this.own = own;
        this.resolver = resolver;
    }

    /** A guard that resolves names with the JDK's resolver (and its cache). */
    public AddressGuard(NetworkPolicy policy, Supplier<OwnEndpoints> own) {
        this(policy, own, InetAddress::getAllByName);
    }

    /**
     * The addresses of {@code host} (a name, or an address literal, IPv6 in brackets or not),
     * every one allowed at {@code port}.
     *
     * @throws AddressRefusedException naming the first address the policy refuses
     * @throws UnknownHostException when the name does not resolve
     */
    public List<InetAddress> admit(String host, int port) throws UnknownHostException {
        String bare = Addresses.unbracketed(host);
        List<InetAddress> addresses = Addresses.literal(bare).map(List::of).orElse(null);
        if (addresses == null) {
            addresses = List.of(this.resolver.resolve(bare));
        }
        OwnEndpoints endpoints = this.own.get();
        for (InetAddress address : addresses) {
            if (this.policy.decide(address, port, endpoints) instanceof AddressVerdict.Refused refused) {
                throw new AddressRefusedException(host, refused);
            }
        }
        return addresses;
    }

    /** Name resolution, replaceable in tests (a name that changes its answer). */
    @FunctionalInterface
    public interface HostResolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }
}
