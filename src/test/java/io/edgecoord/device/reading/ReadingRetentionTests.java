package io.edgecoord.device.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;

import io.edgecoord.device.polling.DeviceProperties;

@DataJpaTest
class ReadingRetentionTests {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    private ReadingRetention retention(Duration maxAge) {
        DeviceProperties.History history = DeviceProperties.History.DEFAULTS;
        DeviceProperties defaults = DeviceProperties.defaults();
        DeviceProperties properties = new DeviceProperties(defaults.poll(), defaults.liveness(), defaults.network(),
                new DeviceProperties.History(history.maxRows(), history.cleanupInterval(), history.deleteBatch(),
                        history.queueCapacity(), history.flushInterval(), maxAge),
                DeviceProperties.OpcUa.DEFAULTS);
        return new ReadingRetention(this.jdbc, properties, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private void read(String resource, Duration ago) {
        this.jdbc.update("insert into device_reading (device_name, resource, value_json, read_at) values (?, ?, ?, ?)",
                "meter", resource, "1", Timestamp.from(NOW.minus(ago)));
    }

    private Object[] kept() {
        return this.jdbc.queryForList("select resource from device_reading order by id", String.class).toArray();
    }

    @Test
    void deletesReadingsOlderThanTheMaxAgeOnItsOwnClockInBatchesOldestFirst() {
        read("old-1", Duration.ofDays(10));
        read("old-2", Duration.ofDays(9));
        read("old-3", Duration.ofDays(8));
        read("recent", Duration.ofDays(6));
        ReadingRetention retention = retention(Duration.ofDays(7));

        // Storage's cutoff (now, here) is the age of invocations; readings keep their own.
        assertThat(retention.deleteEndedBefore(NOW, 2)).isEqualTo(2);
        assertThat(kept()).containsExactly("old-3", "recent");
        assertThat(retention.deleteEndedBefore(NOW, 2)).isEqualTo(1);
        assertThat(retention.deleteEndedBefore(NOW, 2)).isZero();
        assertThat(kept()).containsExactly("recent");
    }

    @Test
    void keepsEveryReadingYoungerThanTheMaxAge() {
        read("a", Duration.ofHours(23));
        read("b", Duration.ofMinutes(1));

        assertThat(retention(Duration.ofDays(1)).deleteEndedBefore(NOW, 100)).isZero();
        assertThat(kept()).containsExactly("a", "b");
    }

    @Test
    void countsEveryReadingAndDeletesTheOldestPastStoragesCount() {
        read("first", Duration.ofHours(3));
        read("second", Duration.ofHours(2));
        read("third", Duration.ofHours(1));
        ReadingRetention retention = retention(Duration.ofDays(7));

        assertThat(retention.countEnded()).isEqualTo(3);
        assertThat(retention.deleteOldestEnded(2)).isEqualTo(2);
        assertThat(kept()).containsExactly("third");
        assertThat(retention.deleteDeadLettersBefore(NOW, 10)).isZero();
        assertThat(retention.deleteLogsBefore(NOW, 10)).isZero();
    }
}
