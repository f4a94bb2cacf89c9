package io.edgecoord.invocation.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the {@link RecordJournal} has to write next: the ids of records and outputs changed since
 * the last batch was taken, and what completes when the batch that takes them is committed. A batch
 * is taken once the first change in it has waited the window, or at once when someone waits for it
 * (then concurrent changes share it). Thread-safe: one monitor guards it all.
 */
final class JournalQueue {

    private final long windowNanos;

    private LinkedHashSet<String> records = new LinkedHashSet<>();

    private LinkedHashSet<String> logs = new LinkedHashSet<>();

    private CompletableFuture<Void> next = new CompletableFuture<>();

    /** The batch being written, or a completed future. */
    private CompletableFuture<Void> current = CompletableFuture.completedFuture(null);

    private boolean urgent;

    private long firstChangeNanos;

    private boolean open = true;

    JournalQueue(long windowNanos) {
        this.windowNanos = windowNanos;
    }

    /** Notes a changed record; {@code now}: its batch is to be taken at once. Returns what completes with it. */
    synchronized CompletableFuture<Void> record(String id, boolean now) {
        started();
        records.add(id);
        if (now) {
            hurry();
        }
        return next;
    }

    synchronized void log(String id) {
        started();
        logs.add(id);
    }

    /** Leaves a record taken by the batch being written for the next one. */
    synchronized void later(String id) {
        started();
        records.add(id);
    }

    synchronized void forget(String id) {
        records.remove(id);
    }

    /** What completes once everything noted so far is committed; its batch is taken at once. */
    synchronized CompletableFuture<Void> flushed() {
        if (empty()) {
            return current;
        }
        hurry();
        return next;
    }

    /**
     * Waits for the next batch and takes it: after the window, at once when hurried, with what is
     * left when closed. Null once closed and empty, or when {@code idleMillis} passed with nothing noted.
     */
    synchronized JournalBatch take(long idleMillis) throws InterruptedException {
        long idleUntil = System.nanoTime() + idleMillis * 1_000_000;
        long wait;
        while (open && empty() && (wait = idleUntil - System.nanoTime()) > 0) {
            wait(Math.max(1, wait / 1_000_000));
        }
        while (open && !urgent && !empty() && (wait = firstChangeNanos + windowNanos - System.nanoTime()) > 0) {
            wait(Math.max(1, wait / 1_000_000));
        }
        if (empty()) {
            if (!open) {
                next.complete(null);
            }
            return null;
        }
        JournalBatch batch = new JournalBatch(List.copyOf(records), List.copyOf(logs), next, urgent || !open);
        records = new LinkedHashSet<>();
        logs = new LinkedHashSet<>();
        current = next;
        next = new CompletableFuture<>();
        urgent = false;
        return batch;
    }

    /** Waits up to {@code millis}, less when someone waits for a batch or the queue closes. */
    synchronized void pause(long millis) throws InterruptedException {
        long until = System.nanoTime() + millis * 1_000_000;
        long wait;
        while (open && !urgent && (wait = until - System.nanoTime()) > 0) {
            wait(Math.max(1, wait / 1_000_000));
        }
    }

    /**
     * Opens it again after {@link #close}: a stopped context may be started again (Spring's test
     * contexts are paused and resumed this way), and a closed queue would complete every wait at once
     * without writing anything.
     */
    synchronized void open() {
        open = true;
        if (next.isDone()) {
            next = new CompletableFuture<>();
        }
    }

    synchronized void close() {
        open = false;
        notifyAll();
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** Fails whoever waits for a batch that will not be written. */
    synchronized void abandon(RuntimeException why) {
        next.completeExceptionally(why);
    }

    private void started() {
        if (empty()) {
            firstChangeNanos = System.nanoTime();
            notifyAll();
        }
    }

    private void hurry() {
        if (!urgent) {
            urgent = true;
            notifyAll();
        }
    }

    private boolean empty() {
        return records.isEmpty() && logs.isEmpty();
    }
}
