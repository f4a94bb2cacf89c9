package io.edgecoord.runtime;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the Runtime API server ({@code edgecoord.runtime.*}).
 *
 * @param socketRoot the folder under which each environment gets {@code <id>/runtime.sock};
 *     keep it short, a socket path may not exceed 107 bytes
 *     (application.yml: {@code ${edgecoord.data-dir}/run})
 * @param maxResponseSize the largest result a runtime may post; larger ones get 413 and fail
 *     the invocation with {@code Function.ResponseSizeTooLarge}
 */
@Validated
@ConfigurationProperties("edgecoord.runtime")
record RuntimeProperties(@NotNull Path socketRoot, @DefaultValue("6MB") DataSize maxResponseSize) {

    RuntimeProperties {
        if (maxResponseSize == null || maxResponseSize.toBytes() <= 0
                || maxResponseSize.toBytes() >= Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException(
                    "edgecoord.runtime.max-response-size must be between 1B and 2GB, not " + maxResponseSize);
        }
    }
}
