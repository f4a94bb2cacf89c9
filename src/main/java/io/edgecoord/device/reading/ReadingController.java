package io.edgecoord.device.reading;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.registry.RegisteredDevices;
import io.edgecoord.web.PageResponse;

/** A device's readings history: newest first, filtered by resource and time ({@code since} inclusive, {@code until} exclusive). */
@RestController
@Tag(name = "devices", description = "The device registry and connectivity")
@Validated
class ReadingController {

    private final RegisteredDevices registry;

    private final ReadingHistory history;

    private final JdbcTemplate jdbc;

    private final JsonMapper json;

    ReadingController(RegisteredDevices registry, ReadingHistory history, JdbcTemplate jdbc, JsonMapper json) {
        this.registry = registry;
        this.history = history;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Operation(operationId = "listDeviceReadings", summary = "List a device's readings, newest first")
    @GetMapping("/api/v1/devices/{name}/readings")
    PageResponse<ReadingResponse> readings(@PathVariable String name, @RequestParam(required = false) String resource,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        this.registry.get(name);
        // What was read a moment ago is queued for the writer; a reader expects to see it.
        this.history.flush();
        StringBuilder where = new StringBuilder(" from device_reading where device_name = ?");
        List<Object> args = new ArrayList<>(List.of(name));
        if (resource != null) {
            where.append(" and resource = ?");
            args.add(resource);
        }
        if (since != null) {
            where.append(" and read_at >= ?");
            args.add(Timestamp.from(since));
        }
        if (until != null) {
            where.append(" and read_at < ?");
            args.add(Timestamp.from(until));
        }
        Long total = this.jdbc.queryForObject("select count(*)" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(size);
        paged.add((long) page * size);
        List<ReadingResponse> items = this.jdbc.query("select resource, value_json, read_at" + where
                + " order by read_at desc, id desc limit ? offset ?", (row, i) -> new ReadingResponse(
                        row.getString(1), this.json.readValue(row.getString(2), Object.class),
                        row.getTimestamp(3).toInstant()), paged.toArray());
        long count = (total != null) ? total : 0;
        return new PageResponse<>(items, page, size, count, (int) ((count + size - 1) / size));
    }
}
