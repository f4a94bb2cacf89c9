package io.edgecoord.task;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the task module, prefix {@code edgecoord.task}.
 *
 * @param maxCodeSize the largest code artifact accepted, as uploaded (compressed)
 * @param maxUnpackedSize the largest total size of a code artifact's files once unpacked
 * @param maxEntries the most entries a code archive may have
 */
@ConfigurationProperties("edgecoord.task")
record TaskProperties(@DefaultValue("50MB") DataSize maxCodeSize, @DefaultValue("250MB") DataSize maxUnpackedSize,
        @DefaultValue("10000") int maxEntries) {

    TaskProperties {
        if (maxCodeSize.toBytes() <= 0 || maxUnpackedSize.toBytes() <= 0 || maxEntries <= 0) {
            throw new IllegalArgumentException("edgecoord.task.max-code-size, max-unpacked-size and max-entries "
                    + "must be positive");
        }
    }
}
