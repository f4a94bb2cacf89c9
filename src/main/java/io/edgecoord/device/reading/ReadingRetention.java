package io.edgecoord.device.reading;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.storage.RetainedRecords;

/**
 * The readings history as storage's retention sees it: every reading has ended, at its read
 * time. Readings older than {@code edgecoord.device.history.max-age} go, measured on this
 * module's clock rather than by storage's cutoff, which is the age of ended invocations. Each
 * delete removes at most {@code limit} rows in one statement (its own short transaction), lowest
 * ids first: readings are inserted in time order, so the primary key finds the old ones at the
 * front without an index on the time alone. Readings have no dead letters and no logs.
 */
@Component
class ReadingRetention implements RetainedRecords {

    private static final String DELETE_BATCH = "delete from device_reading where id in "
            + "(select id from device_reading where read_at < ? order by id limit ?)";

    private final JdbcTemplate jdbc;

    private final Duration maxAge;

    private final Clock clock;

    ReadingRetention(JdbcTemplate jdbc, DeviceProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.maxAge = properties.history().maxAge();
        this.clock = clock;
    }

    @Override
    public long countEnded() {
        Long count = this.jdbc.queryForObject("select count(*) from device_reading", Long.class);
        return (count == null) ? 0 : count;
    }

    /** Deletes readings older than the history's max age; storage's cutoff is for invocations. */
    @Override
    public int deleteEndedBefore(Instant cutoff, int limit) {
        Instant readBefore = this.clock.instant().minus(this.maxAge);
        return this.jdbc.update(DELETE_BATCH, Timestamp.from(readBefore), limit);
    }

    @Override
    public int deleteDeadLettersBefore(Instant cutoff, int limit) {
        return 0;
    }

    @Override
    public int deleteOldestEnded(int limit) {
        return this.jdbc.update("delete from device_reading where id in "
                + "(select id from device_reading order by id limit ?)", limit);
    }

    @Override
    public int deleteLogsBefore(Instant cutoff, int limit) {
        return 0;
    }
}
