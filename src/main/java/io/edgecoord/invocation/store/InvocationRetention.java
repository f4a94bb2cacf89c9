package io.edgecoord.invocation.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.storage.RetainedRecords;

/**
 * Invocation records as retention sees them: only ended records go (never QUEUED or RUNNING),
 * found by their end in one query and deleted by id in a second, each batch its own transaction.
 * The delete checks the status again, so a record that left an end meanwhile stays.
 */
@Component
class InvocationRetention implements RetainedRecords {

    private static final List<InvocationStatus> ENDED =
            Arrays.stream(InvocationStatus.values()).filter(InvocationStatus::isFinal).toList();
    private static final List<InvocationStatus> ENDED_BUT_DEAD_LETTERS =
            ENDED.stream().filter(status -> status != InvocationStatus.DEAD_LETTERED).toList();

    private final InvocationRepository invocations;
    private final InvocationLogRepository logs;
    private final TransactionTemplate transactions;

    InvocationRetention(InvocationRepository invocations, InvocationLogRepository logs,
            TransactionTemplate transactions) {
        this.invocations = invocations;
        this.logs = logs;
        this.transactions = transactions;
    }

    @Override
    public long countEnded() {
        return invocations.countByStatuses(ENDED);
    }

    @Override
    public int deleteEndedBefore(Instant cutoff, int limit) {
        return deleteRecords(() -> invocations.findEndedBefore(ENDED_BUT_DEAD_LETTERS, cutoff, Limit.of(limit)));
    }

    @Override
    public int deleteDeadLettersBefore(Instant cutoff, int limit) {
        return deleteRecords(() -> invocations.findEndedBefore(
                List.of(InvocationStatus.DEAD_LETTERED), cutoff, Limit.of(limit)));
    }

    @Override
    public int deleteOldestEnded(int limit) {
        return deleteRecords(() -> invocations.findOldestEnded(ENDED, Limit.of(limit)));
    }

    @Override
    public int deleteLogsBefore(Instant cutoff, int limit) {
        return transactions.execute(status -> {
            List<String> ids = logs.findEndedBefore(ENDED, cutoff, Limit.of(limit));
            return ids.isEmpty() ? 0 : logs.deleteByIds(ids);
        });
    }

    @Override
    public long logBytes() {
        return logs.totalBytes();
    }

    @Override
    public long deleteOldestLogs(int limit) {
        return transactions.execute(status -> {
            List<InvocationLogRepository.LogSize> oldest = logs.findOldestEnded(ENDED, Limit.of(limit));
            if (oldest.isEmpty()) {
                return 0L;
            }
            logs.deleteByIds(oldest.stream().map(InvocationLogRepository.LogSize::getId).toList());
            return oldest.stream().mapToLong(InvocationLogRepository.LogSize::getBytes).sum();
        });
    }

    private int deleteRecords(Supplier<List<String>> find) {
        return transactions.execute(status -> {
            List<String> ids = find.get();
            return ids.isEmpty() ? 0 : invocations.deleteEnded(ids, ENDED);
        });
    }
}
