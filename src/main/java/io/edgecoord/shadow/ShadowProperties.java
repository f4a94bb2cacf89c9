package io.edgecoord.shadow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shadow module, prefix {@code edgecoord.shadow}.
 *
 * @param maxStateBytes the largest {@code desired} + {@code reported} state, as UTF-8 JSON (AWS: 8 KB, up to 30 KB)
 * @param maxDepth the most levels of nesting below {@code desired} or {@code reported}
 * @param desiredPolicy whether desired keys stay ({@code KEEP}) or go once reported matches them
 * @param tombstoneTtl how long a deleted shadow's version is remembered so numbering continues
 */
@ConfigurationProperties("edgecoord.shadow")
record ShadowProperties(@DefaultValue("8192") int maxStateBytes, @DefaultValue("6") int maxDepth,
        @DefaultValue("KEEP") DesiredPolicy desiredPolicy, @DefaultValue("48h") Duration tombstoneTtl) {

    ShadowProperties {
        if (maxStateBytes < 1 || maxStateBytes > 30_720) {
            throw new IllegalArgumentException("edgecoord.shadow.max-state-bytes must be 1..30720, not " + maxStateBytes);
        }
        if (maxDepth < 1 || maxDepth > 32) {
            throw new IllegalArgumentException("edgecoord.shadow.max-depth must be 1..32, not " + maxDepth);
        }
        if (tombstoneTtl.isNegative()) {
            throw new IllegalArgumentException("edgecoord.shadow.tombstone-ttl must not be negative");
        }
    }

    /** The defaults, for tests and tools. */
    static ShadowProperties defaults() {
        return new ShadowProperties(8192, 6, DesiredPolicy.KEEP, Duration.ofHours(48));
    }
}
