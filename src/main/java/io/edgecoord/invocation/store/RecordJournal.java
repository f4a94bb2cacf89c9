package io.edgecoord.invocation.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.lifecycle.InvocationProperties;

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

    record PendingLog(InvocationLog text, boolean first) {
    }

    private final boolean writeThrough;

    private final JournalQueue queue;

    private final Map<String, JournalEntry> live = new ConcurrentHashMap<>();

    private final Map<String, PendingLog> logs = new ConcurrentHashMap<>();

    private final JournalWriter writer;

    private volatile boolean running;

    private Thread writerThread;

    RecordJournal(EntityManagerFactory entityManagers, InvocationProperties properties,
            ObjectProvider<MeterRegistry> meters) {
        this.writeThrough = properties.writeBehind().isZero();
        this.queue = new JournalQueue(properties.writeBehind().toNanos());
        this.writer = new JournalWriter(entityManagers.unwrap(SessionFactory.class), queue,
                properties.writeBehind().toNanos(), live, logs);
        meters.ifAvailable(registry -> {
            Gauge.builder("edgecoord.invocation.journal.kept", live, Map::size)
                    .description("Invocation records kept in memory: not ended, or not written yet").register(registry);
            FunctionCounter.builder("edgecoord.invocation.journal.batches", writer.batches, AtomicLong::get)
                    .description("Transactions that wrote invocation records and outputs").register(registry);
            FunctionCounter.builder("edgecoord.invocation.journal.rows", writer.rows, AtomicLong::get)
                    .description("Invocation records and outputs written by those transactions").register(registry);
        });
    }

    /** Whether the last batch reached the database and none hangs now: else callers write through. */
    boolean writable() {
        return running && writer.healthy();
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
        return writer.batches.get();
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

    @Override
    public void start() {
        queue.open();
        writer.reset();
        running = true;
        writerThread = Thread.ofPlatform().name("invocation-writer").daemon().start(writer);
    }

    /** Writes what is left, after everything else that records calls has stopped. */
    @Override
    public void stop() {
        running = false;
        queue.close();
        try {
            writerThread.join(Duration.ofSeconds(30));
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
