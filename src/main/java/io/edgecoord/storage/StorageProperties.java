package io.edgecoord.storage;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of storage ({@code edgecoord.storage.*}).
 *
 * @param databaseMaintenanceInterval how often the embedded H2 file is forced to disk and its
 *     sparse chunks rewritten (only with the embedded H2 in file mode)
 * @param retention how long and how many records of ended work are kept
 * @param disk the disk budget of the data dir and its watermarks
 */
@Validated
@ConfigurationProperties("edgecoord.storage")
record StorageProperties(
        @DefaultValue("1s") @NotNull Duration databaseMaintenanceInterval,
        @DefaultValue @Valid @NotNull Retention retention,
        @DefaultValue @Valid @NotNull Disk disk) {

    /**
     * The disk budget ({@code edgecoord.storage.disk.*}). Past the low watermark the oldest ended
     * records and logs go early; past the critical one new work is refused (503 {@code disk-full})
     * and readiness is DOWN, until space returns.
     *
     * @param maxSize the most the data dir may take; unset, {@code maxShare} of its volume
     * @param maxShare the share of the volume the data dir may take when {@code maxSize} is unset
     * @param lowShare the share of the most size past which the level is low
     * @param lowFreeShare free space on the volume below this share of it is low
     * @param criticalFreeShare free space on the volume below this share of it is critical
     * @param sampleInterval how often the data dir and the volume are measured
     * @param pressureShare the most of the ended records one purge under pressure deletes
     */
    record Disk(
            DataSize maxSize,
            @DefaultValue("0.5") @DecimalMin("0.01") @DecimalMax("1.0") double maxShare,
            @DefaultValue("0.9") @DecimalMin("0.1") @DecimalMax("1.0") double lowShare,
            @DefaultValue("0.10") @DecimalMin("0.0") @DecimalMax("0.9") double lowFreeShare,
            @DefaultValue("0.05") @DecimalMin("0.0") @DecimalMax("0.9") double criticalFreeShare,
            @DefaultValue("5s") @NotNull Duration sampleInterval,
            @DefaultValue("0.1") @DecimalMin("0.001") @DecimalMax("1.0") double pressureShare) {
    }

    /**
     * Retention of ended invocations ({@code edgecoord.storage.retention.*}); queued and running
     * calls are never purged.
     *
     * @param recordsMaxAge how long an ended invocation's record is kept after its end
     * @param recordsMaxCount the most ended records kept; the oldest go first
     * @param deadLettersMaxAge how long a dead letter is kept (longer: someone must look at it)
     * @param logsMaxAge how long an invocation's log is kept after its end
     * @param logsMaxTotalSize the most all logs may take; beyond it the oldest logs go first
     * @param interval how often a retention round runs
     * @param batchSize the most records one delete removes, so that no transaction is long
     * @param maxBatchesPerRound the most deletes of one kind a round makes; the next round goes on
     */
    record Retention(
            @DefaultValue("7d") @NotNull Duration recordsMaxAge,
            @DefaultValue("1000000") @Min(1) long recordsMaxCount,
            @DefaultValue("30d") @NotNull Duration deadLettersMaxAge,
            @DefaultValue("7d") @NotNull Duration logsMaxAge,
            @DefaultValue("1GB") @NotNull DataSize logsMaxTotalSize,
            @DefaultValue("1m") @NotNull Duration interval,
            @DefaultValue("500") @Min(1) @Max(10000) int batchSize,
            @DefaultValue("100") @Min(1) int maxBatchesPerRound) {
    }
}
