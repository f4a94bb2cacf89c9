package io.edgecoord.storage;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of storage ({@code edgecoord.storage.*}).
 *
 * @param databaseMaintenanceInterval how often the embedded H2 file is forced to disk and its
 *     sparse chunks rewritten (only with the embedded H2 in file mode)
 */
@Validated
@ConfigurationProperties("edgecoord.storage")
record StorageProperties(
        @DefaultValue("1s") @NotNull Duration databaseMaintenanceInterval) {
}
