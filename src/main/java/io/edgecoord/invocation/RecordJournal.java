package io.edgecoord.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.persistence.EntityManagerFactory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import io.edgecoord.web.DatabaseUnavailable;

/**
 * Keeps the records of the calls this process runs in memory and writes their changes behind, many
 * calls per transaction, at most {@code edgecoord.invocation.write-behind} after a change (group
 * commit). A change may ask to be durable: it returns once the batch that carries it is committed,
 * and that batch is taken at once, so concurrent durable changes share one commit. A record leaves
 * memory once it has ended and it and its output are written; reads of a record kept here see it
 * from here. Rows are written with Hibernate's stateless session (no persistence context, no dirty
 * checking) in JDBC batches. A batch the database cannot take because it is away is tried again
 * with back-off, while {@link #writable} tells callers to write through instead; a durable insert
 * in such a batch is dropped, as its caller is told.
 */
@Component
class RecordJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordJournal.class);

    /** A batch that takes longer than this means the database hangs: calls write through meanwhile. */
    static final Duration HUNG = Duration.ofMillis(500);

    private static final long FIRST_BACKOFF_MS = 100;

    private static final long MAX_BACKOFF_MS = 2_000;

    /** How often ended records waiting for their output are looked at while nothing is written. */
    private static final long SWEEP_MS = 1_000;

    /** Tries of the last batches at shutdown while the database is away. */
    private static final int TRIES_AT_STOP = 5;

    private record PendingLog(InvocationLog text, boolean first) {
    }

    private final SessionFactory sessions;

    private final boolean writeThrough;

    private final long windowNanos;

    private final JournalQueue queue;

    private final Map<String, JournalEntry> live = new ConcurrentHashMap<>();

    private final Map<String, PendingLog> logs = new ConcurrentHashMap<>();

    private final AtomicLong batches = new AtomicLong();

    private final AtomicLong rows = new AtomicLong();

    private volatile boolean running;

    private volatile boolean lastFailed;

    private volatile long writingSince;

    private Thread writer;

    RecordJournal(EntityManagerFactory entityManagers, InvocationProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.sessions = entityManagers.unwrap(SessionFactory.class);
        this.writeThrough = properties.writeBehind().isZero();
        this.windowNanos = properties.writeBehind().toNanos();
        this.queue = new JournalQueue(properties.writeBehind().toNanos());
        meters.ifAvailable(registry -> {
            Gauge.builder("edgecoord.invocation.journal.kept", live, Map::size)
                    .description("Invocation records kept in memory: not ended, or not written yet").register(registry);
            FunctionCounter.builder("edgecoord.invocation.journal.batches", batches, AtomicLong::get)
                    .description("Transactions that wrote invocation records and outputs").register(registry);
            FunctionCounter.builder("edgecoord.invocation.journal.rows", rows, AtomicLong::get)
                    .description("Invocation records and outputs written by those transactions").register(registry);
        });
    }

    /** Whether the last batch reached the database and none hangs now: else callers write through. */
    boolean writable() {
        long since = writingSince;
        return running && !lastFailed && (since == 0 || System.nanoTime() - since < HUNG.toNanos());
    }

    /** Keeps a new record, written with the next batch; when durable, returns once it is committed. */
    void insert(Invocation record, boolean durable) {
        JournalEntry entry = new JournalEntry(record);
        entry.changed(System.nanoTime());
        entry.awaitedInsert = durable || writeThrough;
        live.put(record.id(), entry);
        await(queue.record(record.id(), entry.awaitedInsert), entry, entry.awaitedInsert);
    }

    /** Keeps a record its caller has just written through, so that its later changes are written here. */
    void track(Invocation record) {
        JournalEntry entry = new JournalEntry(record);
        entry.stored = true;
        live.put(record.id(), entry);
    }

    /**
     * Applies a change to a record kept here and returns a copy of it as changed, or null when the
     * record is not kept here (the caller changes it in the database).
     */
    Invocation change(String id, Consumer<Invocation> change, boolean durable) {
        JournalEntry entry = live.get(id);
        if (entry == null) {
            return null;
        }
        Invocation changed;
        synchronized (entry) {
            if (entry.evicted) {
                return null;
            }
            change.accept(entry.record);
            entry.changed(System.nanoTime());
            changed = entry.record.copy();
        }
        boolean wait = durable || writeThrough;
        await(queue.record(id, wait), entry, wait);
        return changed;
    }

    /** A copy of the record as this process has it, when it is kept here. */
    Optional<Invocation> find(String id) {
        JournalEntry entry = live.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        synchronized (entry) {
            return entry.evicted ? Optional.empty() : Optional.of(entry.record.copy());
        }
    }

    /** Copies of the records kept here that have not ended. */
    List<Invocation> notEnded() {
        List<Invocation> records = new ArrayList<>();
        for (JournalEntry entry : live.values()) {
            synchronized (entry) {
                if (!entry.evicted && !entry.record.status().isFinal()) {
                    records.add(entry.record.copy());
                }
            }
        }
        return records;
    }

    /**
     * Stops keeping a record; true when it may be in the database (written, or being written now),
     * which the caller then deletes there after {@link #flush}.
     */
    boolean drop(String id) {
        JournalEntry entry = live.remove(id);
        queue.forget(id);
        if (entry == null) {
            return true;
        }
        synchronized (entry) {
            entry.evicted = true;
            return entry.stored || entry.writing;
        }
    }

    /** Keeps what a call printed, written with the next batch (replacing an earlier attempt's). */
    void saveLog(InvocationLog text) {
        JournalEntry entry = live.get(text.getId());
        boolean first = false;
        if (entry != null) {
            synchronized (entry) {
                first = !entry.evicted && entry.firstOutput();
                if (first && text.text().isEmpty()) {
                    // Nothing printed, nothing to replace: no row (an absent output reads as empty).
                    entry.outputWritten = true;
                    return;
                }
            }
        }
        logs.put(text.getId(), new PendingLog(text, first));
        queue.log(text.getId());
    }

    Optional<InvocationLog> findLog(String id) {
        return Optional.ofNullable(logs.get(id)).map(PendingLog::text);
    }

    /** Returns once everything changed before this call is committed. */
    void flush() {
        join(queue.flushed());
    }

    /** Batches committed since start. */
    long batchesWritten() {
        return batches.get();
    }

    private static void await(CompletableFuture<Void> written, JournalEntry entry, boolean wait) {
        if (!wait) {
            return;
        }
        join(written);
        synchronized (entry) {
            if (entry.failure != null) {
                throw entry.failure;
            }
        }
    }

    private static void join(CompletableFuture<Void> written) {
        try {
            written.join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
        }
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
        List<PendingLog> texts = new ArrayList<>();
        for (String id : batch.logIds()) {
            PendingLog text = logs.get(id);
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
                texts.stream().filter(PendingLog::first).map(PendingLog::text).toList(),
                texts.stream().filter(text -> !text.first()).map(PendingLog::text).toList());
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
        finally {
            writingSince = 0;
        }
    }

    /** After a refused batch: each row in a transaction of its own; a row refused again is dropped. */
    private void writeEach(List<JournalEntry> entries, List<Long> changes, List<PendingLog> texts) {
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
        List<PendingLog> written = new ArrayList<>();
        for (PendingLog text : texts) {
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

    private void settle(List<JournalEntry> entries, List<Long> changes, List<PendingLog> texts) {
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
        for (PendingLog text : texts) {
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

    @Override
    public void start() {
        queue.open();
        lastFailed = false;
        running = true;
        writer = Thread.ofPlatform().name("invocation-writer").daemon().start(this::writeUntilStopped);
    }

    /** Writes what is left, after everything else that records calls has stopped. */
    @Override
    public void stop() {
        running = false;
        queue.close();
        try {
            writer.join(Duration.ofSeconds(30));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 16384;
    }
}
