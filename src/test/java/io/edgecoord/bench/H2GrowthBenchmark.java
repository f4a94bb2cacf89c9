package io.edgecoord.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.flywaydb.core.Flyway;

/**
 * Not a test: drives the embedded H2 file the way the coordinator does for no-op invocations (an
 * insert, two updates and a log row, each committed on its own, from several threads) on the
 * app's schema, deletes the oldest ended rows beyond a retained count as retention would, and
 * prints the file's size (and, given an interval, compacts) against the rows it holds. Arguments: URL options appended to
 * {@code jdbc:h2:file:<tmp>/db/edgecoord} (as application.yml has them), calls (30000), rows kept
 * (0: keep all), threads (4), compaction interval in ms (0: none). See docs/benchmarks.md.
 */
public final class H2GrowthBenchmark {

    private static final byte[] PAYLOAD = "{\"n\":1}".getBytes();
    private static final byte[] RESULT = "{\"ok\":true}".getBytes();
    private static final String LOG = "START RequestId: x\nEND RequestId: x\nREPORT Duration: 1.2 ms\n";

    /** With -Drate=N, calls start at most N a second in all (a steady load), else as fast as they go. */
    private static final int RATE = Integer.getInteger("rate", 0);

    /** With -Dcheckpoint=true, each commit is followed by CHECKPOINT, as InvocationStore does. */
    private static final boolean CHECKPOINT = Boolean.getBoolean("checkpoint");

    private H2GrowthBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String options = args.length > 0 ? args[0] : "";
        int calls = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int keep = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int compactEvery = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        Path data = Files.createTempDirectory(Path.of("/tmp"), "h2g");
        Path file = data.resolve("db/edgecoord.mv.db");
        String url = "jdbc:h2:file:" + data + "/db/edgecoord" + options;
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        System.out.printf("url %s, %d calls, keep %d, %d threads, rate %s%n", url, calls, keep, threads,
                RATE > 0 ? RATE + "/s" : "unpaced");
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (Connection admin = DriverManager.getConnection(url, "sa", "")) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofPlatform().start(() -> run(url, calls, next)));
            }
            int reported = 0;
            long compacted = System.nanoTime();
            while (workers.stream().anyMatch(Thread::isAlive)) {
                Thread.sleep(Math.min(200, compactEvery > 0 ? compactEvery : 200));
                if (compactEvery > 0 && System.nanoTime() - compacted > compactEvery * 1_000_000L) {
                    compacted = System.nanoTime();
                    compact(admin);
                }
                if (keep > 0) {
                    purge(admin, keep);
                }
                if (next.get() >= reported + calls / 10) {
                    reported = next.get();
                    print(admin, file, reported, started);
                }
            }
            if (keep > 0) {
                purge(admin, keep);
            }
            print(admin, file, next.get(), started);
        }
        System.out.println("DONE");
    }

    private static void run(String url, int calls, AtomicInteger next) {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into invocation (id, task_name, task_version, mode, status, payload, accepted_at, queued_at)"
                                + " values (?, 'noop', 1, 'ASYNC', 'QUEUED', ?, ?, ?)");
                PreparedStatement start = connection.prepareStatement(
                        "update invocation set status = 'RUNNING', started_at = ?, environment_id = 'env-1' where id = ?");
                PreparedStatement end = connection.prepareStatement(
                        "update invocation set status = 'SUCCEEDED', result = ?, finished_at = ? where id = ?");
                PreparedStatement log = connection.prepareStatement(
                        "insert into invocation_log (invocation_id, text, truncated) values (?, ?, false)")) {
            long begun = System.nanoTime();
            int call;
            while ((call = next.getAndIncrement()) < calls) {
                if (RATE > 0) {
                    long due = begun + call * 1_000_000_000L / RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                String id = UUID.randomUUID().toString();
                Timestamp now = Timestamp.from(Instant.now());
                insert.setString(1, id);
                insert.setBytes(2, PAYLOAD);
                insert.setTimestamp(3, now);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
                checkpoint(connection);
                start.setTimestamp(1, now);
                start.setString(2, id);
                start.executeUpdate();
                checkpoint(connection);
                end.setBytes(1, RESULT);
                end.setTimestamp(2, now);
                end.setString(3, id);
                end.executeUpdate();
                checkpoint(connection);
                log.setString(1, id);
                log.setString(2, LOG);
                log.executeUpdate();
                checkpoint(connection);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void checkpoint(Connection connection) throws SQLException {
        if (CHECKPOINT) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("checkpoint");
            }
        }
    }

    /** What the coordinator's H2 maintenance does: rewrites sparse chunks so their space is freed. */
    private static void compact(Connection connection) throws SQLException {
        var session = (org.h2.engine.SessionLocal) connection.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        session.getDatabase().getStore().getMvStore().compact(90, 4 * 1024 * 1024);
    }

    /**
     * Deletes the oldest ended rows beyond {@code keep}, 500 at a time, as retention would: ids
     * first, then by id (H2 evaluates {@code id in (select ... limit n)} once a row).
     */
    private static void purge(Connection connection, int keep) throws SQLException {
        try (Statement statement = connection.createStatement();
                PreparedStatement delete = connection.prepareStatement("delete from invocation where id = ?")) {
            int excess = count(statement) - keep;
            while (excess > 0) {
                int batch = Math.min(500, excess);
                try (ResultSet ids = statement.executeQuery("select id from invocation where status = 'SUCCEEDED'"
                        + " order by accepted_at limit " + batch)) {
                    while (ids.next()) {
                        delete.setString(1, ids.getString(1));
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
                excess -= batch;
            }
        }
    }

    private static int count(Statement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery("select count(*) from invocation")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static void print(Connection connection, Path file, int done, long started) throws Exception {
        try (Statement statement = connection.createStatement()) {
            int rows = count(statement);
            long size = Files.size(file);
            System.out.printf("%6.1f s  calls %7d  rows %7d  file %8.1f MB  %7.0f B/row%n",
                    (System.nanoTime() - started) / 1e9, done, rows, size / 1e6, rows == 0 ? 0 : (double) size / rows);
        }
    }
}
