package io.edgecoord.device.network;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This machine's interface addresses, read again once they are older than {@code maxAge}, since
 * DHCP, VPNs and Docker networks change them while the coordinator runs. Thread-safe.
 */
public final class MachineAddresses implements Supplier<Set<InetAddress>> {

    private static final Logger log = LoggerFactory.getLogger(MachineAddresses.class);

    private final long maxAgeNanos;

    private final LongSupplier ticker;

    private volatile Snapshot snapshot;

    /** {@code ticker} is monotonic time in nanoseconds. */
    public MachineAddresses(Duration maxAge, LongSupplier ticker) {
        this.maxAgeNanos = maxAge.toNanos();
        this.ticker = ticker;
    }

    @Override
    public Set<InetAddress> get() {
        long now = this.ticker.getAsLong();
        Snapshot current = this.snapshot;
        if (current == null || now - current.readAt() >= this.maxAgeNanos) {
            current = new Snapshot(now, read());
            this.snapshot = current;
        }
        return current.addresses();
    }

    private static Set<InetAddress> read() {
        try {
            return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .map(Addresses::canonical)
                .collect(Collectors.toUnmodifiableSet());
        }
        catch (SocketException ex) {
            log.warn("Cannot list this machine's addresses; only loopback and unspecified addresses count as "
                    + "its own until the next try: {}", ex.getMessage());
            return Set.of();
        }
    }

    private record Snapshot(long readAt, Set<InetAddress> addresses) {
    }
}
