package io.edgecoord.invocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import io.edgecoord.web.DatabaseUnavailable;

/**
 * Keeps the records of the calls this process runs in memory and writes their changes behind, many
 * calls per transaction, at most {@code edgecoord.invocation.write-behind} after a change (group
 * commit). A change may ask to be durable: it returns once the batch that carries it is committed,
 * and it starts that batch at once, so concurrent durable changes share one commit. A record leaves
 * memory once it has ended and its last change is written; reads of a record in memory see it from
 * here. Outputs are written the same way. A batch the database cannot take because it is away is
 * tried again with back-off, while {@link #writable} tells callers to write through instead; a durable
 * insert in such a batch is dropped, as its caller is told. Rows are written as Hibernate's stateless
 * upserts: no persistence context, no dirty checking, JDBC batches.
 */
@Component
class RecordJournal implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RecordJournal.class);

    /** A batch that takes longer than this means the database hangs: calls write through meanwhile. */
    static final Duration HUNG = Duration.ofMillis(500);

    private static final long FIRST_BACKOFF_MS = 100;

    private static final long MAX_BACKOFF_MS = 2_000;

    /** Tries of the last batches at shutdown while the database is away. */
    private static final int TRIES_AT_STOP = 5;

    private final SessionFactory sessions;

    private final long windowNanos;

    private final Map<String, Entry> live = new ConcurrentHashMap<>();

    private final Map<String, InvocationLog> logs = new ConcurrentHashMap<>();

    private final Object monitor = new Object();

    /** Guarded by {@link #monitor}: what changed since the last batch was taken, and who waits for it. */
    private LinkedHashSet<String> dirty = new LinkedHashSet<>();

    private LinkedHashSet<String> dirtyLogs = new LinkedHashSet<>();

    private CompletableFuture<Void> next = new CompletableFuture<>();

    /** The batch being written, or a completed future. */
    private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    private boolean urgent;

    private long firstDirtyNanos;

    private volatile boolean running;

    private volatile boolean lastFailed;

    private volatile long writingSince;

    private Thread writer;

    private final AtomicLong batches = new AtomicLong();

    RecordJournal(EntityManagerFactory entityManagers, InvocationProperties properties) {
        this.sessions = entityManagers.unwrap(SessionFactory.class);
        this.windowNanos = properties.writeBehind().toNanos();
    }

    /** A record kept here; guarded by itself. */
    private static final class Entry {

        private final Invocation record;

        private long changes;

        private long written;

        /** Inserted durably and not committed yet: a failed batch drops it rather than trying again. */
        private boolean awaitedInsert;

        /** In the database: written through by its caller, or committed by a batch. */
        private boolean stored;

        /** In the batch being written now. */
        private boolean writing;

        private boolean evicted;

        private RuntimeException failure;

        Entry(Invocation record) {
            this.record = record;
        }
    }

    /** Whether the last batch reached the database and none hangs now: else callers write through. */
    boolean writable() {
        long since = writingSince;
        return running && !lastFailed && (since == 0 || System.nanoTime() - since < HUNG.toNanos());
    }

    /** Keeps a new record, written with the next batch; when durable, returns once it is committed. */
    void insert(Invocation record, boolean durable) {
        Entry entry = new Entry(record);
        entry.changes = 1;
        entry.awaitedInsert = mustWait(durable);
        live.put(record.id(), entry);
        finish(entry, markDirty(record.id(), entry.awaitedInsert), entry.awaitedInsert);
    }

    /** Keeps a record its caller has just written through, so that its later changes are written here. */
    void track(Invocation record) {
        Entry entry = new Entry(record);
        entry.stored = true;
        live.put(record.id(), entry);
    }

    /**
     * Applies a change to a record kept here and returns a copy of it as changed, or null when the
     * record is not kept here (the caller changes it in the database).
     */
    Invocation change(String id, Consumer<Invocation> change, boolean durable) {
        Entry entry = live.get(id);
        if (entry == null) {
            return null;
        }
        Invocation changed;
        synchronized (entry) {
            if (entry.evicted) {
                return null;
            }
            change.accept(entry.record);
            entry.changes++;
            changed = entry.record.copy();
        }
        finish(entry, markDirty(id, mustWait(durable)), mustWait(durable));
        return changed;
    }

    /** A copy of the record as this process has it, when it is kept here. */
    Optional<Invocation> find(String id) {
        Entry entry = live.get(id);
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
        for (Entry entry : live.values()) {
            synchronized (entry) {
                if (!entry.evicted && !entry.record.status().isFinal()) {
                    records.add(entry.record.copy());
                }
            }
        }
        return records;
    }

    /**
     * Stops keeping a record; true when it may already be in the database (written, or being
     * written now), which the caller then deletes there after {@link #flush}.
     */
    boolean drop(String id) {
        Entry entry = live.remove(id);
        synchronized (monitor) {
            dirty.remove(id);
        }
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
        logs.put(text.getId(), text);
        synchronized (monitor) {
            wake();
            dirtyLogs.add(text.getId());
        }
    }

    /** Batches committed since start. */
    long batchesWritten() {
        return batches.get();
    }

    Optional<InvocationLog> findLog(String id) {
        return Optional.ofNullable(logs.get(id));
    }

    /** Returns once everything changed before this call is committed. */
    void flush() {
        CompletableFuture<Void> written;
        synchronized (monitor) {
            if (nothingDirty()) {
                written = current;
            }
            else {
                urgent = true;
                written = next;
            }
            monitor.notifyAll();
        }
        join(written);
    }

    private boolean mustWait(boolean durable) {
        return durable || windowNanos == 0;
    }

    private CompletableFuture<Void> markDirty(String id, boolean now) {
        synchronized (monitor) {
            wake();
            dirty.add(id);
            if (now && !urgent) {
                urgent = true;
                monitor.notifyAll();
            }
            return next;
        }
    }

    /** Guarded by the monitor: the first change after a batch starts the window. */
    private void wake() {
        if (nothingDirty()) {
            firstDirtyNanos = System.nanoTime();
            monitor.notifyAll();
        }
    }

    private boolean nothingDirty() {
        return dirty.isEmpty() && dirtyLogs.isEmpty();
    }

    private static void finish(Entry entry, CompletableFuture<Void> written, boolean wait) {
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
            synchronized (monitor) {
                try {
                    while (running && nothingDirty()) {
                        monitor.wait();
                    }
                    long wait;
                    while (running && !urgent && (wait = firstDirtyNanos + windowNanos - System.nanoTime()) > 0) {
                        monitor.wait(Math.max(1, wait / 1_000_000), 0);
                    }
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                if (nothingDirty()) {
                    if (!running) {
                        next.complete(null);
                        return;
                    }
                    continue;
                }
                batch = new JournalBatch(List.copyOf(dirty), List.copyOf(dirtyLogs), next);
                dirty = new LinkedHashSet<>();
                dirtyLogs = new LinkedHashSet<>();
                current = next;
                next = new CompletableFuture<>();
                urgent = false;
            }
            if (write(batch)) {
                backoff = 0;
                continue;
            }
            if (!running && --triesLeftAtStop <= 0) {
                log.error("The database stayed unavailable at shutdown: {} invocation records and {} outputs not written",
                        live.size(), logs.size());
                failWaiters();
                return;
            }
            backoff = Math.min(MAX_BACKOFF_MS, Math.max(FIRST_BACKOFF_MS, backoff * 2));
            pause(backoff);
        }
    }

    private boolean write(JournalBatch batch) {
        List<Entry> entries = new ArrayList<>(batch.ids().size());
        List<Invocation> rows = new ArrayList<>(batch.ids().size());
        List<Long> changes = new ArrayList<>(batch.ids().size());
        for (String id : batch.ids()) {
            Entry entry = live.get(id);
            if (entry == null) {
                continue;
            }
            synchronized (entry) {
                if (!entry.evicted) {
                    entry.writing = true;
                    entries.add(entry);
                    rows.add(entry.record.copy());
                    changes.add(entry.changes);
                }
            }
        }
        List<InvocationLog> texts = batch.logIds().stream().map(logs::get).filter(text -> text != null).toList();
        writingSince = System.nanoTime();
        try {
            JournalBatch.upsert(sessions, rows, texts);
            for (int i = 0; i < entries.size(); i++) {
                written(entries.get(i), changes.get(i));
            }
            texts.forEach(text -> logs.remove(text.getId(), text));
            lastFailed = false;
            batches.incrementAndGet();
            batch.done().complete(null);
            return true;
        }
        catch (RuntimeException ex) {
            if (!DatabaseUnavailable.causedBy(ex)) {
                log.warn("A batch of {} invocation records was refused; writing them one at a time: {}", rows.size(),
                        ex.toString());
                writeEach(entries, rows, changes, texts);
                batch.done().complete(null);
                return true;
            }
            lastFailed = true;
            log.warn("Could not write {} invocation records, the database is unavailable; trying again: {}",
                    rows.size(), ex.toString());
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
    private void writeEach(List<Entry> entries, List<Invocation> rows, List<Long> changes, List<InvocationLog> texts) {
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            try {
                JournalBatch.upsert(sessions, List.of(rows.get(i)), List.of());
            }
            catch (RuntimeException ex) {
                log.error("Could not write the record of invocation {}; it is dropped", rows.get(i).id(), ex);
                synchronized (entry) {
                    entry.failure = ex;
                }
            }
            written(entry, changes.get(i));
        }
        for (InvocationLog text : texts) {
            try {
                JournalBatch.upsert(sessions, List.of(), List.of(text));
            }
            catch (RuntimeException ex) {
                // Its record is gone (purged under disk pressure before its output was handed over).
                log.debug("Output of invocation {} not stored: {}", text.getId(), ex.toString());
            }
            logs.remove(text.getId(), text);
        }
    }

    private void written(Entry entry, long changes) {
        synchronized (entry) {
            entry.written = Math.max(entry.written, changes);
            entry.stored = true;
            entry.writing = false;
            entry.awaitedInsert = false;
            if (entry.written == entry.changes && (entry.record.status().isFinal() || entry.failure != null)) {
                entry.evicted = true;
                live.remove(entry.record.id(), entry);
            }
        }
    }

    /** After a batch the database could not take: everything in it waits for the next, but awaited inserts. */
    private void again(List<Entry> entries, List<String> logIds) {
        synchronized (monitor) {
            for (Entry entry : entries) {
                synchronized (entry) {
                    entry.writing = false;
                    if (entry.awaitedInsert) {
                        entry.evicted = true;
                        live.remove(entry.record.id(), entry);
                    }
                    else {
                        wake();
                        dirty.add(entry.record.id());
                    }
                }
            }
            logIds.stream().filter(logs::containsKey).forEach(id -> {
                wake();
                dirtyLogs.add(id);
            });
        }
    }

    private void failWaiters() {
        synchronized (monitor) {
            next.completeExceptionally(new DataAccessResourceFailureException("The coordinator stopped"));
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
        writer = Thread.ofPlatform().name("invocation-writer").daemon().start(this::writeUntilStopped);
    }

    /** Writes what is left, after everything else that records calls has stopped. */
    @Override
    public void stop() {
        synchronized (monitor) {
            running = false;
            monitor.notifyAll();
        }
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
