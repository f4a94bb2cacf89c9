package io.edgecoord.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class RetentionRoundsTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private static StorageProperties properties(long maxCount, int batchSize, int maxBatches) {
        return new StorageProperties(Duration.ofSeconds(1), new StorageProperties.Retention(Duration.ofDays(7),
                maxCount, Duration.ofDays(30), Duration.ofDays(3), DataSize.ofMegabytes(1), Duration.ofMinutes(1),
                batchSize, maxBatches),
                DiskBudgetTests.disk(null));
    }

    private RetentionRounds rounds(FakeRecords records, StorageProperties properties) {
        return new RetentionRounds(List.of(records), properties, Clock.fixed(NOW, ZoneOffset.UTC), meters);
    }

    private double purged(String what) {
        return meters.get("edgecoord.storage.purged").tag("what", what).counter().count();
    }

    @Test
    void plansCutoffsFromTheClockAndTheExcessOverTheMostCount() {
        RetentionPlan plan = RetentionPlan.of(properties(1_000, 500, 10).retention(), NOW, 1_250);

        assertThat(plan.recordsBefore()).isEqualTo(NOW.minus(Duration.ofDays(7)));
        assertThat(plan.deadLettersBefore()).isEqualTo(NOW.minus(Duration.ofDays(30)));
        assertThat(plan.logsBefore()).isEqualTo(NOW.minus(Duration.ofDays(3)));
        assertThat(plan.excessRecords()).isEqualTo(250);
        assertThat(RetentionPlan.of(properties(1_000, 500, 10).retention(), NOW, 999).excessRecords()).isZero();
    }

    @Test
    void deletesOldRecordsInBatchesUntilOneComesBackShortAndCountsThem() {
        FakeRecords records = new FakeRecords(1_250, 0, 0);

        rounds(records, properties(1_000_000, 500, 10)).round();

        assertThat(records.endedCutoffs).containsOnly(NOW.minus(Duration.ofDays(7)));
        assertThat(records.endedCutoffs).hasSize(3); // 500, 500, 250
        assertThat(purged("records")).isEqualTo(1_250);
    }

    @Test
    void stopsARoundAfterItsShareOfBatchesSoTheNextRoundGoesOn() {
        FakeRecords records = new FakeRecords(5_000, 0, 0);

        rounds(records, properties(1_000_000, 100, 3)).round();

        assertThat(purged("records")).isEqualTo(300);
        assertThat(records.oldRecords).isEqualTo(4_700);
    }

    @Test
    void deletesTheOldestEndedRecordsBeyondTheMostCountAfterTheAgeRules() {
        FakeRecords records = new FakeRecords(100, 50, 0);
        records.recent = 2_000;

        rounds(records, properties(1_500, 500, 10)).round();

        assertThat(purged("records")).isEqualTo(100 + 500);
        assertThat(purged("dead-letters")).isEqualTo(50);
        assertThat(records.countEnded()).isEqualTo(1_500);
    }

    @Test
    void deletesOldLogsAndKeepsTheirRecords() {
        FakeRecords records = new FakeRecords(0, 0, 700);

        rounds(records, properties(1_000_000, 500, 10)).round();

        assertThat(records.logCutoffs).containsOnly(NOW.minus(Duration.ofDays(3)));
        assertThat(purged("logs")).isEqualTo(700);
    }

    @Test
    void deletesTheOldestLogsUntilAllLogsAreWithinTheirTotalBound() {
        FakeRecords records = new FakeRecords(0, 0, 0);
        records.logBytes = 3 * 1024 * 1024; // 3 MB of logs, 1 MB allowed, 10 KB each

        rounds(records, properties(1_000_000, 50, 100)).round();

        assertThat(records.logBytes).isLessThanOrEqualTo(1024 * 1024).isGreaterThan(1024 * 1024 - 50 * 10_240);
        assertThat(meters.get("edgecoord.storage.purged.bytes").counter().count())
                .isEqualTo(3 * 1024 * 1024 - records.logBytes);
    }

    @Test
    void underDiskPressureDeletesTheOldestEndedRecordsUpToTheShareAndABatchAtLeast() {
        FakeRecords records = new FakeRecords(0, 0, 0);
        records.recent = 20_000;
        RetentionRounds rounds = rounds(records, properties(1_000_000, 500, 100));

        rounds.purgeUnderPressure(0.1);
        assertThat(purged("oldest-under-pressure")).isEqualTo(2_000);

        records.recent = 100;
        rounds.purgeUnderPressure(0.1);
        assertThat(records.recent).as("a batch at least, even of few records").isZero();
    }

    /** Holds counts only: old records, old dead letters, old logs, and recent records. */
    static final class FakeRecords implements RetainedRecords {

        long oldRecords;
        long oldDeadLetters;
        long oldLogs;
        long recent;
        long logBytes;
        final List<Instant> endedCutoffs = new ArrayList<>();
        final List<Instant> logCutoffs = new ArrayList<>();

        FakeRecords(long oldRecords, long oldDeadLetters, long oldLogs) {
            this.oldRecords = oldRecords;
            this.oldDeadLetters = oldDeadLetters;
            this.oldLogs = oldLogs;
        }

        @Override
        public long countEnded() {
            return oldRecords + oldDeadLetters + recent;
        }

        @Override
        public int deleteEndedBefore(Instant cutoff, int limit) {
            endedCutoffs.add(cutoff);
            int deleted = (int) Math.min(limit, oldRecords);
            oldRecords -= deleted;
            return deleted;
        }

        @Override
        public int deleteDeadLettersBefore(Instant cutoff, int limit) {
            int deleted = (int) Math.min(limit, oldDeadLetters);
            oldDeadLetters -= deleted;
            return deleted;
        }

        @Override
        public int deleteOldestEnded(int limit) {
            int deleted = (int) Math.min(limit, recent);
            recent -= deleted;
            return deleted;
        }

        @Override
        public long logBytes() {
            return logBytes;
        }

        @Override
        public long deleteOldestLogs(int limit) {
            long freed = Math.min(logBytes, limit * 10_240L);
            logBytes -= freed;
            return freed;
        }

        @Override
        public int deleteLogsBefore(Instant cutoff, int limit) {
            logCutoffs.add(cutoff);
            int deleted = (int) Math.min(limit, oldLogs);
            oldLogs -= deleted;
            return deleted;
        }
    }
}
