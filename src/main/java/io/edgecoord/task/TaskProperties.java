package io.edgecoord.task;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the task module, prefix {@code edgecoord.task}.
 *
 * @param maxCodeSize the largest code artifact accepted, as uploaded (compressed)
 * @param maxUnpackedSize the largest total size of a code artifact's files once unpacked
 * @param maxEntries the most entries a code archive may have
 * @param retention which versions of each task are kept, and how often the rest are pruned
 */
@ConfigurationProperties("edgecoord.task")
record TaskProperties(@DefaultValue("50MB") DataSize maxCodeSize, @DefaultValue("250MB") DataSize maxUnpackedSize,
        @DefaultValue("10000") int maxEntries, @DefaultValue Retention retention) {

    TaskProperties {
        if (maxCodeSize.toBytes() <= 0 || maxUnpackedSize.toBytes() <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("edgecoord.task.max-code-size, max-unpacked-size and max-entries "
                    + "must be positive");
        }
    }

    /**
     * Retention of task versions ({@code edgecoord.task.retention.*}): a version outside its task's
     * newest {@code keepVersions} that no alias names and nothing runs or waits to run is deleted,
     * with its code once no remaining version shares it.
     *
     * @param keepVersions how many of each task's newest versions are always kept (the latest among them)
     * @param interval how often a pruning round runs besides the one after each deploy
     */
    record Retention(@DefaultValue("10") int keepVersions, @DefaultValue("10m") Duration interval) {

        /** The defaults, for code that builds settings by hand. */
        static final Retention DEFAULTS = new Retention(10, Duration.ofMinutes(10));

        Retention {
            if (keepVersions < 1 || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("edgecoord.task.retention.keep-versions must be at least 1 "
                        + "and edgecoord.task.retention.interval positive");
            }
        }
    }
}
