package io.edgecoord.invocation.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

import io.edgecoord.web.DatabaseUnavailable;

/**
 * The {@link RecordJournal}'s writer: takes each batch from the queue and commits it, settles what
 * it wrote, and when the database refuses a batch, writes its rows one at a time (a bad row is
 * dropped) or, when the database is away, tries again with back-off. Runs on one thread.
 */
final class JournalWriter implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RecordJournal.class);

    /** A batch that takes longer than this means the database hangs: calls write through meanwhile. */
    static final Duration HUNG = Duration.ofMillis(500);

    private static final long FIRST_BACKOFF_MS = 100;

    private static final long MAX_BACKOFF_MS = 2_000;

    /** How often ended records waiting for their output are looked at while nothing is written. */
    private static final long SWEEP_MS = 1_000;

    /** Tries of the last batches at shutdown while the database is away. */
    private static final int TRIES_AT_STOP = 5;

    private final SessionFactory sessions;

    private final JournalQueue queue;

    private final long windowNanos;

    private final Map<String, JournalEntry> live;

    private final Map<String, RecordJournal.PendingLog> logs;

    final AtomicLong batches = new AtomicLong();

    final AtomicLong rows = new AtomicLong();

    private volatile boolean lastFailed;

    private volatile long writingSince;

    JournalWriter(SessionFactory sessions, JournalQueue queue, long windowNanos, Map<String, JournalEntry> live,
            Map<String, RecordJournal.PendingLog> logs) {
        this.sessions = sessions;
        this.queue = queue;
        this.windowNanos = windowNanos;
        this.live = live;
        this.logs = logs;
    }

    /** Whether the last batch reached the database and none hangs now. */
    boolean healthy() {
        long since = writingSince;
        return !lastFailed && (since == 0 || System.nanoTime() - since < HUNG.toNanos());
    }

    /** Before a start: whatever failed before a stop is not held against the next batch. */
    void reset() {
        lastFailed = false;
    }

    @Override
    public void run() {
        writeUntilStopped();
    }

    private void writeUntilStopped() {
        long backoff = 0;
        int triesLeftAtStop = TRIES_AT_STOP;
        while (true) {
            JournalBatch batch;
            try {
                batch = queue.take(SWEEP_MS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
            if (batch == null) {
                if (!queue.isOpen()) {
                    return;
                }
                sweep();
                probeAfterFailure();
                continue;
            }
            if (write(batch)) {
                backoff = 0;
                continue;
            }
            if (!queue.isOpen() && --triesLeftAtStop <= 0) {
                log.error("The database stayed unavailable at shutdown: {} invocation records and {} outputs not written",
                        live.size(), logs.size());
                queue.abandon(new DataAccessResourceFailureException("The coordinator stopped"));
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, backoff * 2));
            try {
                queue.pause(backoff);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean write(JournalBatch batch) {
        List<JournalEntry> entries = new ArrayList<>(batch.ids().size());
        List<Long> changes = new ArrayList<>(batch.ids().size());
        List<Invocation> inserts = new ArrayList<>();
        List<Invocation> updates = new ArrayList<>();
        long now = System.nanoTime();
        for (String id : batch.ids()) {
            JournalEntry entry = live.get(id);
            if (entry == null) {
                continue;
            }
            synchronized (entry) {
                if (!entry.evicted && !batch.urgent() && entry.young(now, windowNanos)) {
                    queue.later(id);
                }
                else if (!entry.evicted) {
                    entry.writing = true;
                    entries.add(entry);
                    changes.add(entry.changes);
                    (entry.stored ? updates : inserts).add(entry.record.copy());
                }
            }
        }
        Set<String> insertedNow = new HashSet<>();
        inserts.forEach(record -> insertedNow.add(record.id()));
        List<RecordJournal.PendingLog> texts = new ArrayList<>();
        for (String id : batch.logIds()) {
            RecordJournal.PendingLog text = logs.get(id);
            if (text == null) {
                continue;
            }
            if (insertedNow.contains(id) || storedOrGone(id)) {
                texts.add(text);
            }
            else {
                queue.log(id); // its record is not written yet, and an output's key names its record
            }
        }
        JournalBatch.Rows rows = new JournalBatch.Rows(inserts, updates,
                texts.stream().filter(RecordJournal.PendingLog::first).map(RecordJournal.PendingLog::text).toList(),
                texts.stream().filter(text -> !text.first()).map(RecordJournal.PendingLog::text).toList());
        writingSince = System.nanoTime();
        try {
            JournalBatch.write(sessions, rows);
            settle(entries, changes, texts);
            lastFailed = false;
            batches.incrementAndGet();
            this.rows.addAndGet(rows.size());
            batch.done().complete(null);
            return true;
        }
        catch (RuntimeException ex) {
            if (!DatabaseUnavailable.causedBy(ex)) {
                log.warn("A batch of {} invocation rows was refused; writing them one at a time: {}", rows.size(),
                        ex.toString());
                writeEach(entries, changes, texts);
                batch.done().complete(null);
                return true;
            }
            lastFailed = true;
            log.warn("Could not write {} invocation rows, the database is unavailable; trying again: {}", rows.size(),
                    ex.toString());
            again(entries, batch.logIds());
            batch.done().completeExceptionally(
                    new DataAccessResourceFailureException("The database is unavailable", ex));
            return false;
        }
        catch (Error ex) {
            if (ex instanceof VirtualMachineError) {
                throw ex;
            }
            // A driver's error (an assertion the PostgreSQL driver makes on a broken connection, say)
            // must not end the only thread that writes records: the batch is tried again.
            lastFailed = true;
            log.error("Could not write {} invocation rows; trying again", rows.size(), ex);
            again(entries, batch.logIds());
            batch.done().completeExceptionally(new DataAccessResourceFailureException("The batch failed", ex));
            return false;
        }
        finally {
            writingSince = 0;
        }
    }

    /** After a refused batch: each row in a transaction of its own; a row refused again is dropped. */
    private void writeEach(List<JournalEntry> entries, List<Long> changes, List<RecordJournal.PendingLog> texts) {
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            Invocation row;
            synchronized (entry) {
                row = entry.record.copy();
            }
            try {
                JournalBatch.upsert(sessions, row);
            }
            catch (RuntimeException ex) {
                log.error("Could not write the record of invocation {}; it is dropped", row.id(), ex);
                synchronized (entry) {
                    entry.failure = ex;
                }
            }
        }
        List<RecordJournal.PendingLog> written = new ArrayList<>();
        for (RecordJournal.PendingLog text : texts) {
            try {
                JournalBatch.upsert(sessions, text.text());
                written.add(text);
            }
            catch (RuntimeException ex) {
                // Its record is gone (purged under disk pressure before its output was handed over).
                log.debug("Output of invocation {} not stored: {}", text.text().getId(), ex.toString());
                logs.remove(text.text().getId(), text);
            }
        }
        settle(entries, changes, written);
    }

    private void settle(List<JournalEntry> entries, List<Long> changes, List<RecordJournal.PendingLog> texts) {
        long now = System.nanoTime();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            synchronized (entry) {
                entry.written = Math.max(entry.written, changes.get(i));
                entry.stored = true;
                entry.writing = false;
                entry.awaitedInsert = false;
                evictIfDone(entry, now);
            }
        }
        for (RecordJournal.PendingLog text : texts) {
            String id = text.text().getId();
            logs.remove(id, text);
            JournalEntry entry = live.get(id);
            if (entry != null) {
                synchronized (entry) {
                    entry.outputWritten = true;
                    evictIfDone(entry, now);
                }
            }
        }
    }

    /** Guarded by the entry. */
    private void evictIfDone(JournalEntry entry, long now) {
        if (!entry.evicted && entry.done(now)) {
            entry.evicted = true;
            live.remove(entry.record.id(), entry);
        }
    }

    private boolean storedOrGone(String id) {
        JournalEntry entry = live.get(id);
        if (entry == null) {
            return true;
        }
        synchronized (entry) {
            return entry.stored || entry.evicted;
        }
    }

    /** Ended records whose output did not come within its grace leave memory. */
    private void sweep() {
        long now = System.nanoTime();
        for (JournalEntry entry : live.values()) {
            synchronized (entry) {
                evictIfDone(entry, now);
            }
        }
    }

    /**
     * With nothing left to write after a failed batch (its durable inserts were dropped), only a
     * probe can tell that the database is back, and callers stop writing through.
     */
    private void probeAfterFailure() {
        if (!lastFailed) {
            return;
        }
        try (StatelessSession session = sessions.openStatelessSession()) {
            session.doWork(connection -> {
                if (connection.isValid(1)) {
                    lastFailed = false;
                }
            });
        }
        catch (RuntimeException ex) {
            log.debug("The database is still unavailable: {}", ex.toString());
        }
    }

    /** After a batch the database could not take: everything in it waits for the next, but awaited inserts. */
    private void again(List<JournalEntry> entries, List<String> logIds) {
        for (JournalEntry entry : entries) {
            synchronized (entry) {
                entry.writing = false;
                if (entry.awaitedInsert) {
                    entry.evicted = true;
                    live.remove(entry.record.id(), entry);
                    continue;
                }
            }
            queue.record(entry.record.id(), false);
        }
        logIds.stream().filter(logs::containsKey).forEach(queue::log);
    }
}
