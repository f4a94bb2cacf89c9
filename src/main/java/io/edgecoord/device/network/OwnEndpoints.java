package io.edgecoord.device.network;

import java.net.InetAddress;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where the coordinator itself listens: its ports, on any of this machine's addresses. Loopback
 * and unspecified addresses always count as this machine's, whatever the interfaces say.
 *
 * @param ports the ports the coordinator listens on (its web server, later its MQTT broker)
 * @param addresses this machine's interface addresses
 */
public record OwnEndpoints(Set<Integer> ports, Set<InetAddress> addresses) {

    /** No ports: for tools and tests that run no server. */
    public static final OwnEndpoints NONE = new OwnEndpoints(Set.of(), Set.of());

    public OwnEndpoints {
        ports = Set.copyOf(ports);
        addresses = addresses.stream().map(Addresses::canonical).collect(Collectors.toUnmodifiableSet());
    }

    /** Whether a connection to the (canonical) address and port would reach the coordinator itself. */
    boolean includes(InetAddress address, int port) {
        return this.ports.contains(port) && (AddressRule.LOOPBACK.covers(address)
                || AddressRule.UNSPECIFIED.covers(address) || this.addresses.contains(address));
    }
}
