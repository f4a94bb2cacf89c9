package io.edgecoord.device.network;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.apache.hc.client5.http.DnsResolver;

/**
 * Apache HttpClient's name resolution through the {@link AddressGuard}: the client connects to
 * the addresses the guard has judged, and to no other, so the check and the connection cannot
 * see different answers from DNS.
 */
public final class GuardedDnsResolver implements DnsResolver {

    private final AddressGuard guard;

    public GuardedDnsResolver(AddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return this.guard.admit(host, port).stream().map((address) -> new InetSocketAddress(address, port)).toList();
    }

    /** Refused: without the port the coordinator's own ports cannot be judged, so fail closed. */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        throw new UnknownHostException(host + ": device addresses are resolved together with their port");
    }

    /** The name as given: a canonical name is only wanted for Kerberos, which devices do not use. */
    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }
}
