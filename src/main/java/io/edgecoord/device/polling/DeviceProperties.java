package io.edgecoord.device.polling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.edgecoord.device.network.NetworkPolicy;

/**
 * Settings of the device module, prefix {@code edgecoord.device}.
 *
 * @param poll how devices are polled
 * @param liveness when a device counts as offline and how it is probed back
 * @param network which addresses devices may have
 * @param history how readings are kept
 * @param opcua the OPC UA binding's identity and trust
 */
@ConfigurationProperties("edgecoord.device")
public record DeviceProperties(@DefaultValue Poll poll, @DefaultValue Liveness liveness, @DefaultValue Network network,
        @DefaultValue History history, @DefaultValue OpcUa opcua) {

    @ConstructorBinding
    public DeviceProperties {
    }

    /** Settings with the default history, for tests and tools that set only polling. */
    public DeviceProperties(Poll poll, Liveness liveness, Network network) {
        this(poll, liveness, network, History.DEFAULTS, OpcUa.DEFAULTS);
    }

    /** The lowest interval an admin may allow; below it devices are hammered (edgex-go #4586). */
    static final Duration FLOOR_INTERVAL = Duration.ofMillis(100);

    /** Defaults, for tests and tools that run without Spring. */
    public static DeviceProperties defaults() {
        return new DeviceProperties(new Poll(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(1), 64, 1, Duration.ofSeconds(2)),
                new Liveness(3, Duration.ofMinutes(5), 4, false), new Network(List.of(), List.of()));
    }

    /**
     * @param defaultInterval interval of devices whose request and profile give none
     * @param minInterval the shortest interval accepted; an admin may lower it to 100 ms, never below
     * @param maxInterval the longest interval accepted
     * @param defaultTimeout upper bound of the default timeout, which is min(this, 0.8 × interval)
     * @param jitterMax upper bound of the start jitter, which is min(10 % of interval, this)
     * @param maxConcurrent polls of ONLINE/UNKNOWN devices in flight at once, over all devices
     * @param maxInflightPerLink requests in flight at once on one link (a serial bus, a gateway)
     * @param connectTimeout TCP connect timeout of the HTTP and Modbus bindings
     */
    public record Poll(@DefaultValue("10s") Duration defaultInterval, @DefaultValue("1s") Duration minInterval,
            @DefaultValue("24h") Duration maxInterval, @DefaultValue("5s") Duration defaultTimeout,
            @DefaultValue("1s") Duration jitterMax, @DefaultValue("64") int maxConcurrent,
            @DefaultValue("1") int maxInflightPerLink, @DefaultValue("2s") Duration connectTimeout) {

        public Poll {
            if (minInterval.compareTo(FLOOR_INTERVAL) < 0) {
                throw new IllegalArgumentException("edgecoord.device.poll.min-interval must be at least 100ms");
            }
            if (maxInterval.compareTo(minInterval) < 0 || defaultInterval.compareTo(minInterval) < 0
                    || defaultInterval.compareTo(maxInterval) > 0) {
                throw new IllegalArgumentException(
                        "edgecoord.device.poll: need min-interval <= default-interval <= max-interval");
            }
            if (maxConcurrent < 1 || maxInflightPerLink < 1 || defaultTimeout.isNegative() || jitterMax.isNegative()) {
                throw new IllegalArgumentException("edgecoord.device.poll: caps must be positive, "
                        + "default-timeout and jitter-max not negative");
            }
        }

        /** The timeout of a device that names none: min(default-timeout, 0.8 × interval). */
        public Duration timeoutFor(Duration interval) {
            Duration share = interval.multipliedBy(4).dividedBy(5);
            return (share.compareTo(this.defaultTimeout) < 0) ? share : this.defaultTimeout;
        }
    }

    /**
     * @param offlineAfterFailures failures in a row that make a device OFFLINE
     * @param recoveryMaxBackoff the longest wait between recovery probes of an OFFLINE device
     * @param recoveryLaneConcurrency recovery probes in flight at once
     * @param countProtocolErrors whether unreadable answers count toward OFFLINE (they prove the device is there)
     */
    public record Liveness(@DefaultValue("3") int offlineAfterFailures, @DefaultValue("5m") Duration recoveryMaxBackoff,
            @DefaultValue("4") int recoveryLaneConcurrency, @DefaultValue("false") boolean countProtocolErrors) {

        public Liveness {
            if (offlineAfterFailures < 1 || recoveryLaneConcurrency < 1 || !recoveryMaxBackoff.isPositive()) {
                throw new IllegalArgumentException("edgecoord.device.liveness: offline-after-failures, "
                        + "recovery-lane-concurrency and recovery-max-backoff must be positive");
            }
        }
    }

    /**
     * @param maxRows readings kept at most; past it the oldest are deleted in the background
     * @param cleanupInterval how often the row count is checked against {@code maxRows}
     * @param deleteBatch rows deleted per statement, so a cleanup never holds long locks
     * @param queueCapacity readings waiting to be written at most; past it new ones are dropped and counted
     * @param flushInterval how often waiting readings are written, in one batch
     * @param maxAge how long a reading is kept; storage's retention rounds delete older ones
     */
    public record History(@DefaultValue("1000000") long maxRows, @DefaultValue("1m") Duration cleanupInterval,
            @DefaultValue("10000") int deleteBatch, @DefaultValue("100000") int queueCapacity,
            @DefaultValue("1s") Duration flushInterval, @DefaultValue("7d") Duration maxAge) {

        public static final History DEFAULTS = new History(1_000_000, Duration.ofMinutes(1), 10_000, 100_000,
                Duration.ofSeconds(1), Duration.ofDays(7));

        public History {
            if (maxRows < 1 || deleteBatch < 1 || queueCapacity < 1 || !cleanupInterval.isPositive()
                    || !flushInterval.isPositive() || !maxAge.isPositive()) {
                throw new IllegalArgumentException("edgecoord.device.history: max-rows, delete-batch, queue-capacity, "
                        + "cleanup-interval, flush-interval and max-age must be positive");
            }
        }
    }

    /**
     * @param pkiDir the application certificate ({@code client.p12}) and the trust list ({@code pki/})
     * @param applicationUri the coordinator's OPC UA application URI, also in its certificate
     * @param trustOnFirstUse trust a server certificate not in the trust list the first time it is seen
     */
    public record OpcUa(@DefaultValue("./data/device/opcua") Path pkiDir,
            @DefaultValue("urn:edgecoord:device-client") String applicationUri,
            @DefaultValue("false") boolean trustOnFirstUse) {

        public static final OpcUa DEFAULTS = new OpcUa(Path.of("./data/device/opcua"), "urn:edgecoord:device-client", false);
    }

    /**
     * CIDR lists over the built-in rules of {@link NetworkPolicy}; a bad entry fails start-up.
     *
     * @param allow blocks re-opened although a built-in rule refuses them (a simulator on 127.0.0.1/32);
     *     never the coordinator's own ports, and a metadata address only by an entry naming it alone
     * @param deny blocks always refused, whatever else says
     */
    public record Network(@DefaultValue List<String> allow, @DefaultValue List<String> deny) {

        public Network {
            allow = List.copyOf(allow);
            deny = List.copyOf(deny);
            NetworkPolicy.of(allow, deny);
        }

        public NetworkPolicy policy() {
            return NetworkPolicy.of(this.allow, this.deny);
        }
    }
}
