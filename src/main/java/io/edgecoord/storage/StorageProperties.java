package io.edgecoord.storage;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of storage ({@code edgecoord.storage.*}).
 *
 * @param databaseMaintenanceInterval how often the embedded H2 file is forced to disk and its
 *     sparse chunks rewritten (only with the embedded H2 in file mode)
 * @param retention how long and how many records of ended work are kept
 */
@Validated
@ConfigurationProperties("edgecoord.storage")
record StorageProperties(
        @DefaultValue("1s") @NotNull Duration databaseMaintenanceInterval,
        @DefaultValue @Valid @NotNull Retention retention) {

    /**
     * Retention of ended invocations ({@code edgecoord.storage.retention.*}); queued and running
     * calls are never purged.
     *
     * @param recordsMaxAge how long an ended invocation's record is kept after its end
     * @param recordsMaxCount the most ended records kept; the oldest go first
     * @param deadLettersMaxAge how long a dead letter is kept (longer: someone must look at it)
     * @param logsMaxAge how long an invocation's log is kept after its end
     * @param interval how often a retention round runs
     * @param batchSize the most records one delete removes, so that no transaction is long
     * @param maxBatchesPerRound the most deletes of one kind a round makes; the next round goes on
     */
    record Retention(
            @DefaultValue("7d") @NotNull Duration recordsMaxAge,
            @DefaultValue("1000000") @Min(1) long recordsMaxCount,
            @DefaultValue("30d") @NotNull Duration deadLettersMaxAge,
            @DefaultValue("7d") @NotNull Duration logsMaxAge,
            @DefaultValue("1m") @NotNull Duration interval,
            @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
            @DefaultValue("100") @Min(1) int maxBatchesPerRound) {
    }
}
