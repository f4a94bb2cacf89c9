package io.edgecoord.storage;

import java.time.Instant;

/**
 * What a module that keeps records of ended work offers to retention. Each delete removes at most
 * {@code limit} records, oldest end first, in one short transaction, and never a record whose
 * work has not ended (queued or running): the implementation decides what "ended" means.
 */
public interface RetainedRecords {

    /** How many ended records are held, dead letters included. */
    long countEnded();

    /** Deletes ended records (not dead letters) that ended before {@code cutoff}, with their logs. */
    int deleteEndedBefore(Instant cutoff, int limit);

    /** Deletes dead letters that ended before {@code cutoff}, with their logs. */
    int deleteDeadLettersBefore(Instant cutoff, int limit);

    /** Deletes the oldest ended records, dead letters last, with their logs. */
    int deleteOldestEnded(int limit);

    /** Deletes the logs of records that ended before {@code cutoff}, keeping the records. */
    int deleteLogsBefore(Instant cutoff, int limit);

    /** What the logs held take, in bytes; 0 for a holder that keeps none. */
    default long logBytes() {
        return 0;
    }

    /** Deletes the logs of the oldest ended records, keeping the records; returns the bytes freed. */
    default long deleteOldestLogs(int limit) {
        return 0;
    }
}
