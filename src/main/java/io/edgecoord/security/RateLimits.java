package io.edgecoord.security;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The two limits in front of the API, both resilience4j rate limiters that never wait: requests
 * per key and second, and failed authentications per client address and minute. Client limiters
 * are kept for the 10,000 most recent addresses, so a scan of many addresses cannot fill memory.
 */
class RateLimits {

    private static final int MAX_CLIENTS = 10_000;

    private final SecurityProperties properties;
    private final MeterRegistry meters;
    private final Map<String, RateLimiter> perKey = new ConcurrentHashMap<>();
    private final Cache<String, RateLimiter> perClient = Caffeine.newBuilder()
        .maximumSize(MAX_CLIENTS)
        .expireAfterAccess(Duration.ofMinutes(2))
        .build();
    private final RateLimiterConfig failures;

    RateLimits(SecurityProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
        this.failures = RateLimiterConfig.custom()
            .limitForPeriod(properties.failuresPerMinute())
            .limitRefreshPeriod(Duration.ofMinutes(1))
            .timeoutDuration(Duration.ZERO)
            .build();
    }

    /** Takes one of the key's requests this second; {@code false} when it has none left. */
    boolean admit(CallerKey key) {
        int limit = (key.requestsPerSecond() != null) ? key.requestsPerSecond() : properties.requestsPerSecond();
        RateLimiter limiter = perKey.get(key.id());
        if (limiter == null || limiter.getRateLimiterConfig().getLimitForPeriod() != limit) {
            limiter = perKey.compute(key.id(), (id, known) -> (known != null
                    && known.getRateLimiterConfig().getLimitForPeriod() == limit) ? known : keyLimiter(id, limit));
        }
        if (limiter.acquirePermission()) {
            return true;
        }
        Counter.builder("edgecoord.security.throttled").description("Requests refused for a key's rate limit")
            .tag("key", key.id()).register(meters).increment();
        return false;
    }

    /** Whether the client at {@code address} has used up its failed authentications for now. */
    boolean blocked(String address) {
        RateLimiter limiter = perClient.getIfPresent(address);
        return limiter != null && limiter.getMetrics().getAvailablePermissions() <= 0;
    }

    /** Counts a failed authentication of {@code address}; {@code false} once it is over its limit. */
    boolean failed(String address) {
        return perClient.get(address, a -> RateLimiter.of("client", failures)).acquirePermission();
    }

    /** Seconds until a blocked client at {@code address} may try again, at least 1. */
    long retryAfterSeconds(String address) {
        if (perClient.getIfPresent(address) instanceof AtomicRateLimiter limiter) {
            return Math.max(1, (limiter.getDetailedMetrics().getNanosToWait() + 999_999_999L) / 1_000_000_000L);
        }
        return 1;
    }

    private static RateLimiter keyLimiter(String id, int limit) {
        return RateLimiter.of("key-" + id, RateLimiterConfig.custom()
            .limitForPeriod(limit)
            .limitRefreshPeriod(Duration.ofSeconds(1))
            .timeoutDuration(Duration.ZERO)
            .build());
    }
}
