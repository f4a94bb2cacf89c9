package io.edgecoord.device.reading;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.registry.RegisteredDevices;

/**
 * Keeps every reading: a successful poll's values are queued on the polling thread (never
 * waiting; when the queue is full they are dropped and counted in
 * {@code edgecoord.device.history.dropped}) and written by one background thread in a batch per
 * {@code flush-interval}. The same thread keeps the table within {@code max-rows}, deleting the
 * oldest rows (lowest ids) {@code delete-batch} at a time every {@code cleanup-interval}.
 */
@Component
public class ReadingHistory implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadingHistory.class);

    /** Longer values (large OBJECT readings) are not kept, rather than truncated into invalid JSON. */
    static final int MAX_VALUE_CHARS = 4096;

    private final BlockingQueue<Row> queue;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    private final DeviceProperties.History settings;

    private final Counter dropped;

    private volatile Thread writer;

    private final LastValueGauges gauges;

    private final RegisteredDevices registry;

    ReadingHistory(JdbcTemplate jdbc, JsonMapper json, DeviceProperties properties, MeterRegistry meters,
            @Lazy RegisteredDevices registry) {
        this.jdbc = jdbc;
        this.gauges = new LastValueGauges(meters);
        this.registry = registry;
        this.json = json;
        this.settings = properties.history();
        this.queue = new ArrayBlockingQueue<>(this.settings.queueCapacity());
        this.dropped = Counter.builder("edgecoord.device.history.dropped")
            .description("Readings not kept because the history's queue was full")
            .register(meters);
    }

    @EventListener
    void onReadings(DeviceReadingsPolled event) {
        this.gauges.record(event, this.registry.exportsMetrics(event.device()));
        Timestamp at = Timestamp.from(event.at());
        for (Map.Entry<String, Object> entry : event.values().entrySet()) {
            String value = this.json.writeValueAsString(entry.getValue());
            if (value.length() > MAX_VALUE_CHARS || !this.queue.offer(new Row(event.device(), entry.getKey(), value, at))) {
                this.dropped.increment();
            }
        }
    }

    /** Writes what is queued now; the writer thread calls it, and tests do to skip the wait. */
    synchronized void flush() {
        List<Row> rows = new ArrayList<>();
        this.queue.drainTo(rows);
        if (!rows.isEmpty()) {
            this.jdbc.batchUpdate("insert into device_reading (device_name, resource, value_json, read_at) "
                    + "values (?, ?, ?, ?)", rows, 500, (statement, row) -> {
                        statement.setString(1, row.device());
                        statement.setString(2, row.resource());
                        statement.setString(3, row.value());
                        statement.setTimestamp(4, row.at());
                    });
        }
    }

    /** Deletes the oldest rows past {@code max-rows}, a batch per statement; answers how many went. */
    synchronized long trim() {
        Long newest = this.jdbc.queryForObject("select max(id) from device_reading", Long.class);
        Long count = this.jdbc.queryForObject("select count(*) from device_reading", Long.class);
        if (newest == null || count == null || count <= this.settings.maxRows()) {
            return 0;
        }
        long excess = count - this.settings.maxRows();
        long deleted = 0;
        while (deleted < excess) {
            Long oldest = this.jdbc.queryForObject("select min(id) from device_reading", Long.class);
            long upTo = oldest + Math.min(this.settings.deleteBatch(), excess - deleted) - 1;
            int gone = this.jdbc.update("delete from device_reading where id <= ?", upTo);
            if (gone == 0) {
                break;
            }
            deleted += gone;
        }
        return deleted;
    }

    /** Forgets a deleted device's readings. */
    public void forget(String device) {
        this.gauges.forget(device);
        flush();
        this.jdbc.update("delete from device_reading where device_name = ?", device);
    }

    private void run() {
        // The bound is checked every so many flushes, so the loop needs no clock of its own.
        long flushesPerTrim = Math.max(1, this.settings.cleanupInterval().toNanos() / this.settings.flushInterval().toNanos());
        long flushes = 0;
        while (!Thread.currentThread().isInterrupted()) {
            try {
                TimeUnit.NANOSECONDS.sleep(this.settings.flushInterval().toNanos());
                flush();
                if (++flushes % flushesPerTrim == 0) {
                    long deleted = trim();
                    if (deleted > 0) {
                        log.debug("Readings history trimmed by {} rows", deleted);
                    }
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            catch (RuntimeException ex) {
                log.warn("Readings history could not be written: {}", ex.toString());
            }
        }
    }

    @Override
    public void start() {
        this.writer = Thread.ofVirtual().name("device-history").start(this::run);
    }

    @Override
    public void stop() {
        Thread thread = this.writer;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.writer = null;
        }
        try {
            flush();
        }
        catch (RuntimeException ex) {
            log.warn("Readings history lost its last batch at shutdown: {}", ex.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return this.writer != null;
    }

    private record Row(String device, String resource, String value, Timestamp at) {
    }
}
