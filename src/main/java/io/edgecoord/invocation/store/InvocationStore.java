package io.edgecoord.invocation.store;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.edgecoord.invocation.InvocationNotFoundException;
import io.edgecoord.task.TaskVersionsInUse.Version;

/**
 * The invocation records' reads and writes. The records of the calls this process accepted are
 * kept by the {@link RecordJournal} and written behind; an asynchronous call's acceptance and start
 * are durable before they return, a synchronous call's changes within the journal's window. A
 * record the journal does not keep (one from before a restart, or accepted while the database was
 * away) is changed in a transaction of its own, committed on return.
 */
@Component
public class InvocationStore {

    private final InvocationRepository invocations;
    private final InvocationLogRepository logs;
    private final TransactionTemplate transactions;
    private final RecordJournal journal;

    InvocationStore(InvocationRepository invocations, InvocationLogRepository logs, TransactionTemplate transactions,
            RecordJournal journal) {
        this.invocations = invocations;
        this.logs = logs;
        this.transactions = transactions;
        this.journal = journal;
    }

    /**
     * Records a new call: an asynchronous one, or one with an idempotency key (whose uniqueness
     * the database settles), is committed before this returns; a synchronous one is written behind.
     * While the database is away or hangs, every new record is written through, so that its caller
     * hears at once.
     */
    public void insert(Invocation invocation) {
        if (invocation.idempotencyKey() != null || !journal.writable()) {
            invocations.save(invocation);
            journal.track(invocation);
            return;
        }
        journal.insert(invocation, invocation.mode() == Invocation.Mode.ASYNC);
    }

    /** Whether changes reach the database now: false while it is away or hangs. */
    public boolean writable() {
        return journal.writable();
    }

    /** Forgets a new record whose call could not be queued. */
    public void delete(String id) {
        if (journal.drop(id)) {
            journal.flush();
            invocations.deleteById(id);
        }
    }

    /** Applies a transition to the record and returns it as changed. */
    public Invocation update(String id, Consumer<Invocation> change) {
        return update(id, change, false);
    }

    /**
     * As {@link #update(String, Consumer)}, committed before it returns when {@code durable} (or
     * when the record is not kept in memory).
     */
    public Invocation update(String id, Consumer<Invocation> change, boolean durable) {
        Invocation changed = journal.change(id, change, durable);
        if (changed != null) {
            return changed;
        }
        return transactions.execute(status -> {
            Invocation invocation = invocations.findById(id)
                    .orElseThrow(() -> new InvocationNotFoundException(id));
            change.accept(invocation);
            return invocation;
        });
    }

    /** Notes durably that its client asked to stop a call that has not ended. */
    public void requestCancel(String id, Instant at) {
        Invocation noted = journal.change(id, invocation -> {
            if (!invocation.status().isFinal()) {
                invocation.cancelRequested(at);
            }
        }, true);
        if (noted == null) {
            transactions.executeWithoutResult(status -> invocations.requestCancel(id, at));
        }
    }

    /** Stores an invocation's output, replacing what an earlier attempt of it printed; written behind. */
    public void saveLog(String id, String text, boolean truncated) {
        journal.saveLog(new InvocationLog(id, text, truncated));
    }

    /** The first call of a key, as this process has it when it keeps the record. */
    public Optional<Invocation> findByIdempotencyKey(String task, String key) {
        return invocations.findByTaskNameAndIdempotencyKey(task, key)
                .map(stored -> journal.find(stored.id()).orElse(stored));
    }

    public Optional<Invocation> find(String id) {
        return journal.find(id).or(() -> invocations.findById(id));
    }

    /**
     * The records the query selects, newest first, everything written behind included; {@code page}'s
     * own sort is replaced by the list's order.
     */
    public Page<Invocation> search(InvocationQuery query, Pageable page) {
        journal.flush();
        return invocations.findAll(query.specification(),
                PageRequest.of(page.getPageNumber(), page.getPageSize(), InvocationQuery.ORDER));
    }

    public Optional<InvocationLog> findLog(String id) {
        return journal.findLog(id).or(() -> logs.findById(id));
    }

    /** Each task version that a queued or running call names, those in memory included. */
    Set<Version> versionsNotEnded() {
        Set<Version> versions = new HashSet<>();
        for (Object[] row : invocations.findVersionsNotEnded()) {
            versions.add(new Version((String) row[0], (Integer) row[1]));
        }
        for (Invocation invocation : journal.notEnded()) {
            versions.add(new Version(invocation.taskName(), invocation.taskVersion()));
        }
        return versions;
    }
}
