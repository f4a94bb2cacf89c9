package io.edgecoord.invocation;

import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The invocation records' writes, each in a transaction of its own, committed on return. */
@Component
class InvocationStore {

    private final InvocationRepository invocations;
    private final InvocationLogRepository logs;
    private final TransactionTemplate transactions;

    InvocationStore(InvocationRepository invocations, InvocationLogRepository logs, TransactionTemplate transactions) {
        this.invocations = invocations;
        this.logs = logs;
        this.transactions = transactions;
    }

    void insert(Invocation invocation) {
        invocations.save(invocation);
    }

    void delete(String id) {
        invocations.deleteById(id);
    }

    /** Applies a transition to the stored record and returns it as committed. */
    Invocation update(String id, Consumer<Invocation> change) {
        return transactions.execute(status -> {
            Invocation invocation = invocations.findById(id)
                    .orElseThrow(() -> new InvocationNotFoundException(id));
            change.accept(invocation);
            return invocation;
        });
    }

    /** Notes durably that its client asked to stop a call that has not ended. */
    void requestCancel(String id, java.time.Instant at) {
        transactions.executeWithoutResult(status -> invocations.requestCancel(id, at));
    }

    /**
     * Stores an invocation's output, replacing what an earlier attempt of it printed; nothing when
     * its record is gone (purged under disk pressure before its environment handed the output over).
     */
    void saveLog(String id, String text, boolean truncated) {
        transactions.executeWithoutResult(status -> {
            if (!invocations.existsById(id)) {
                return;
            }
            logs.deleteByInvocationId(id);
            logs.save(new InvocationLog(id, text, truncated));
        });
    }

    Optional<Invocation> findByIdempotencyKey(String task, String key) {
        return invocations.findByTaskNameAndIdempotencyKey(task, key);
    }

    Optional<Invocation> find(String id) {
        return invocations.findById(id);
    }

    /** The records the query selects, newest first; {@code page}'s own sort is replaced by the list's order. */
    Page<Invocation> search(InvocationQuery query, Pageable page) {
        return invocations.findAll(query.specification(),
                PageRequest.of(page.getPageNumber(), page.getPageSize(), InvocationQuery.ORDER));
    }

    Optional<InvocationLog> findLog(String id) {
        return logs.findById(id);
    }
}
