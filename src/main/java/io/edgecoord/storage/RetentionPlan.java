package io.edgecoord.storage;

import java.time.Instant;

/**
 * One retention round's decision: what is old enough to go, and how many ended records are too
 * many. A pure function of the settings, the time and what is held.
 *
 * @param recordsBefore ended records (not dead letters) that ended before this go
 * @param deadLettersBefore dead letters that ended before this go
 * @param logsBefore logs of records that ended before this go
 * @param excessRecords how many of the oldest ended records go beyond the age rules
 */
record RetentionPlan(Instant recordsBefore, Instant deadLettersBefore, Instant logsBefore, long excessRecords) {

    static RetentionPlan of(StorageProperties.Retention retention, Instant now, long endedRecords) {
        return new RetentionPlan(now.minus(retention.recordsMaxAge()), now.minus(retention.deadLettersMaxAge()),
                now.minus(retention.logsMaxAge()), Math.max(0, endedRecords - retention.recordsMaxCount()));
    }
}
