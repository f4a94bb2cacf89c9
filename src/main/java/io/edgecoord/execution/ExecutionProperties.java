package io.edgecoord.execution;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the resource manager ({@code edgecoord.execution.*}).
 *
 * @param keepAlive how long an idle environment is kept warm before it is removed, unless its
 *     task says otherwise
 * @param maxEnvironments the most environments alive at once, whatever the budget
 * @param initTimeout how long a new environment's runtime may take to ask for its first invocation
 * @param outputSettle how long output after a result is still attributed to that invocation
 * @param reapInterval how often idle environments are checked against their keep-alive
 * @param budget the memory and CPU environments may hold; see {@link Budget}
 * @param cpusPerEnvironment the CPUs a running call reserves of the budget unless its task says
 *     otherwise
 * @param starvationLimit how long a call may wait for memory while smaller calls pass it; after
 *     that, new environments are held back until it fits
 */
@Validated
@ConfigurationProperties("edgecoord.execution")
record ExecutionProperties(
        @DefaultValue("10m") @NotNull Duration keepAlive,
        @DefaultValue("16") @Min(1) int maxEnvironments,
        @DefaultValue("60s") @NotNull Duration initTimeout,
        @DefaultValue("200ms") @NotNull Duration outputSettle,
        @DefaultValue("10s") @NotNull Duration reapInterval,
        @DefaultValue @Valid Budget budget,
        @DefaultValue("0.25") @DecimalMin("0.01") double cpusPerEnvironment,
        @DefaultValue("30s") @NotNull Duration starvationLimit) {

    /**
     * The resources environments may hold together. Unset, memory is three quarters of the
     * host's (or the coordinator's container's) memory less the coordinator's own heap, and CPUs
     * are the processors the coordinator may use.
     *
     * @param memory what all live environments may reserve together (each its task's memory)
     * @param cpus what all running calls may reserve together (each its task's {@code cpus})
     */
    record Budget(DataSize memory, Double cpus) {

        /** The budget with the host's defaults filled in. */
        Placement.Budget resolve() {
            long memoryMb = memory != null ? memory.toMegabytes() : hostDefaultMemoryMb();
            double cpuCount = cpus != null ? cpus : Runtime.getRuntime().availableProcessors();
            return new Placement.Budget(memoryMb, cpuCount);
        }

        private static long hostDefaultMemoryMb() {
            long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getTotalMemorySize();
            long heap = Runtime.getRuntime().maxMemory();
            return Math.max(256, (total / 4 * 3 - heap) / (1024 * 1024));
        }
    }
}
