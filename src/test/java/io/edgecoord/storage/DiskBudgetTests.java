package io.edgecoord.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DiskBudgetTests {

    static final long MB = 1024 * 1024;

    /** The defaults of application.yml, with {@code maxSize} as given (null: a share of the volume). */
    static StorageProperties.Disk disk(DataSize maxSize) {
        return new StorageProperties.Disk(maxSize, 0.5, 0.9, 0.10, 0.05, Duration.ofSeconds(5), 0.1);
    }

    @Test
    void withoutAMostSizeTheDataDirMayTakeItsShareOfTheVolume() {
        DiskBudget budget = DiskBudget.of(disk(null), 1000 * MB);

        assertThat(budget.maxSize()).isEqualTo(500 * MB);
        assertThat(budget.level(new DiskUsage(440 * MB, 500 * MB, 1000 * MB))).isEqualTo(DiskLevel.OK);
        assertThat(budget.level(new DiskUsage(450 * MB, 500 * MB, 1000 * MB))).isEqualTo(DiskLevel.LOW);
        assertThat(budget.level(new DiskUsage(500 * MB, 500 * MB, 1000 * MB))).isEqualTo(DiskLevel.CRITICAL);
    }

    @Test
    void aMostSizeGivenIsTheBudgetWhateverTheVolume() {
        DiskBudget budget = DiskBudget.of(disk(DataSize.ofMegabytes(100)), 32_000 * MB);

        assertThat(budget.level(new DiskUsage(89 * MB, 30_000 * MB, 32_000 * MB))).isEqualTo(DiskLevel.OK);
        assertThat(budget.level(new DiskUsage(91 * MB, 30_000 * MB, 32_000 * MB))).isEqualTo(DiskLevel.LOW);
        assertThat(budget.level(new DiskUsage(101 * MB, 30_000 * MB, 32_000 * MB))).isEqualTo(DiskLevel.CRITICAL);
    }

    @Test
    void freeSpaceBelowTheWatermarksCountsWhateverFillsTheVolume() {
        DiskBudget budget = DiskBudget.of(disk(DataSize.ofGigabytes(10)), 1000 * MB);

        assertThat(budget.level(new DiskUsage(10 * MB, 101 * MB, 1000 * MB))).isEqualTo(DiskLevel.OK);
        assertThat(budget.level(new DiskUsage(10 * MB, 99 * MB, 1000 * MB))).isEqualTo(DiskLevel.LOW);
        assertThat(budget.level(new DiskUsage(10 * MB, 49 * MB, 1000 * MB))).isEqualTo(DiskLevel.CRITICAL);
        assertThat(budget.reason(new DiskUsage(10 * MB, 49 * MB, 1000 * MB)))
                .isEqualTo("the data dir takes 10.0 MB of its 10240.0 MB budget and 49.0 MB of the volume's 1000.0 MB are free");
    }
}
