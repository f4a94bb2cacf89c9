package io.edgecoord.device;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the device module, prefix {@code edgecoord.device}.
 *
 * @param poll how devices are polled
 * @param liveness when a device counts as offline and how it is probed back
 */
@ConfigurationProperties("edgecoord.device")
record DeviceProperties(@DefaultValue Poll poll, @DefaultValue Liveness liveness) {

    /** The lowest interval an admin may allow; below it devices are hammered (edgex-go #4586). */
    static final Duration FLOOR_INTERVAL = Duration.ofMillis(100);

    /** Defaults, for tests and tools that run without Spring. */
    static DeviceProperties defaults() {
        return new DeviceProperties(new Poll(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofHours(24),
                Duration.ofSeconds(5), Duration.ofSeconds(1), 64, 1, Duration.ofSeconds(2)),
                new Liveness(3, Duration.ofMinutes(5), 4, false));
    }

    /**
     * @param defaultInterval interval of devices whose request and profile give none
     * @param minInterval the shortest interval accepted; an admin may lower it to 100 ms, never below
     * @param maxInterval the longest interval accepted
     * @param defaultTimeout upper bound of the default timeout, which is min(this, 0.8 × interval)
     * @param jitterMax upper bound of the start jitter, which is min(10 % of interval, this)
     * @param maxConcurrent polls of ONLINE/UNKNOWN devices in flight at once, over all devices
     * @param maxInflightPerLink requests in flight at once on one link (a serial bus, a gateway)
     * @param connectTimeout TCP connect timeout of the HTTP binding
     */
    record Poll(@DefaultValue("10s") Duration defaultInterval, @DefaultValue("1s") Duration minInterval,
            @DefaultValue("24h") Duration maxInterval, @DefaultValue("5s") Duration defaultTimeout,
            @DefaultValue("1s") Duration jitterMax, @DefaultValue("64") int maxConcurrent,
            @DefaultValue("1") int maxInflightPerLink, @DefaultValue("2s") Duration connectTimeout) {

        Poll {
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
        Duration timeoutFor(Duration interval) {
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
    record Liveness(@DefaultValue("3") int offlineAfterFailures, @DefaultValue("5m") Duration recoveryMaxBackoff,
            @DefaultValue("4") int recoveryLaneConcurrency, @DefaultValue("false") boolean countProtocolErrors) {

        Liveness {
            if (offlineAfterFailures < 1 || recoveryLaneConcurrency < 1 || !recoveryMaxBackoff.isPositive()) {
                throw new IllegalArgumentException("edgecoord.device.liveness: offline-after-failures, "
                        + "recovery-lane-concurrency and recovery-max-backoff must be positive");
            }
        }
    }
}
