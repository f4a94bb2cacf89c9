package io.edgecoord.invocation.store;

/**
 * A record the {@link RecordJournal} keeps: the record as this process has it and how much of it is
 * written. Guarded by itself.
 */
final class JournalEntry {

    /** How long an ended record waits for its output before it leaves memory anyway. */
    static final long OUTPUT_GRACE_NANOS = 2_000_000_000L;

    final Invocation record;

    /** Changes applied, and how many of them are committed. */
    long changes;

    long written;

    /** In the database: written through by its caller, or committed by a batch. */
    boolean stored;

    /** In the batch being written now. */
    boolean writing;

    /** Inserted durably and not committed yet: a failed batch drops it rather than trying again. */
    boolean awaitedInsert;

    /** Its output of the current attempt is committed. */
    boolean outputWritten;

    /** When its oldest change not yet written was made (System.nanoTime). */
    long changedNanos;

    /** When it was first seen ended and written (System.nanoTime), or 0. */
    long settledNanos;

    /** No longer kept: a change must go to the database. */
    boolean evicted;

    /** Why its last write was refused, for a caller that waits for it. */
    RuntimeException failure;

    JournalEntry(Invocation record) {
        this.record = record;
    }

    /**
     * Whether it may leave memory: ended (or refused), everything written, and its output written
     * or given {@link #OUTPUT_GRACE_NANOS} to come (an output comes a moment after the end).
     */
    boolean done(long now) {
        if (written != changes || !(record.status().isFinal() || failure != null)) {
            return false;
        }
        if (settledNanos == 0) {
            settledNanos = now;
        }
        return outputWritten || failure != null || now - settledNanos > OUTPUT_GRACE_NANOS;
    }

    /**
     * Whether a batch taken now should leave it for a later one: a call that has not ended and
     * changed within the window may still end within it, and is then written once, as ended.
     */
    boolean young(long now, long windowNanos) {
        return !awaitedInsert && !record.status().isFinal() && now - changedNanos < windowNanos;
    }

    /** Notes a change; the first one not yet written starts its age. */
    void changed(long now) {
        if (written == changes) {
            changedNanos = now;
        }
        changes++;
        settledNanos = 0;
    }

    /** Whether an output saved now is the first row of its call (so it is inserted, not replaced). */
    boolean firstOutput() {
        return record.attempt() == 1 && !outputWritten;
    }
}
