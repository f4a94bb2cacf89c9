package io.edgecoord.storage;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.function.IntUnaryOperator;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;

/**
 * Purges ended records in the background: every {@code retention.interval}, on a thread of its
 * own, it plans a round ({@link RetentionPlan}) and deletes in batches of {@code batchSize}, each
 * in its own short transaction, so that no call ever waits for it. Counts what it purged in
 * {@code edgecoord.storage.purged{what}}.
 */
class RetentionRounds implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RetentionRounds.class);

    private final List<RetainedRecords> holders;
    private final StorageProperties.Retention retention;
    private final Clock clock;
    private final MeterRegistry meters;
    private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
    private ScheduledFuture<?> rounds;

    RetentionRounds(List<RetainedRecords> holders, StorageProperties properties, Clock clock, MeterRegistry meters) {
        this.holders = holders;
        this.retention = properties.retention();
        this.clock = clock;
        this.meters = meters;
        scheduler.setThreadNamePrefix("retention-");
        scheduler.setVirtualThreads(true);
    }

    @Override
    public void afterPropertiesSet() {
        rounds = scheduler.scheduleWithFixedDelay(this::roundSafely, retention.interval());
    }

    /** One round over every holder of records. */
    void round() {
        for (RetainedRecords holder : holders) {
            RetentionPlan plan = RetentionPlan.of(retention, clock.instant(), holder.countEnded());
            purge("records", limit -> holder.deleteEndedBefore(plan.recordsBefore(), limit), Long.MAX_VALUE);
            purge("dead-letters", limit -> holder.deleteDeadLettersBefore(plan.deadLettersBefore(), limit),
                    Long.MAX_VALUE);
            purge("logs", limit -> holder.deleteLogsBefore(plan.logsBefore(), limit), Long.MAX_VALUE);
            long excess = RetentionPlan.of(retention, clock.instant(), holder.countEnded()).excessRecords();
            purge("records", holder::deleteOldestEnded, excess);
            trimLogs(holder);
        }
    }

    /** The oldest logs go, batch after batch, until all logs together are within their bound. */
    private void trimLogs(RetainedRecords holder) {
        long over = holder.logBytes() - retention.logsMaxTotalSize().toBytes();
        for (int batch = 0; batch < retention.maxBatchesPerRound() && over > 0; batch++) {
            long freed = holder.deleteOldestLogs(retention.batchSize());
            if (freed == 0) {
                return;
            }
            Counter.builder("edgecoord.storage.purged.bytes")
                    .description("Bytes of logs deleted to keep all logs within logs-max-total-size")
                    .baseUnit("bytes").register(meters).increment(freed);
            over -= freed;
        }
    }

    /**
     * Under disk pressure, beyond the age and count rules: the oldest ended records of each holder
     * go, at most {@code share} of them (a batch at least), dead letters last.
     */
    void purgeUnderPressure(double share) {
        for (RetainedRecords holder : holders) {
            long most = Math.max(retention.batchSize(), (long) Math.ceil(holder.countEnded() * share));
            purge("oldest-under-pressure", holder::deleteOldestEnded, most);
        }
    }

    /** Deletes batch after batch until one comes back short, {@code most} are gone, or the round's share is used. */
    private void purge(String what, IntUnaryOperator delete, long most) {
        long left = most;
        for (int batch = 0; batch < retention.maxBatchesPerRound() && left > 0; batch++) {
            int limit = (int) Math.min(retention.batchSize(), left);
            int deleted = delete.applyAsInt(limit);
            Counter.builder("edgecoord.storage.purged")
                    .description("Records and logs of ended work deleted by retention, by what")
                    .tag("what", what).register(meters).increment(deleted);
            left -= deleted;
            if (deleted < limit) {
                return;
            }
        }
    }

    private void roundSafely() {
        try {
            round();
        }
        catch (RuntimeException e) {
            // The next round tries again: what was not deleted now is still old enough then.
            log.warn("A retention round failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        if (rounds != null) {
            rounds.cancel(false);
        }
        scheduler.close();
    }
}
