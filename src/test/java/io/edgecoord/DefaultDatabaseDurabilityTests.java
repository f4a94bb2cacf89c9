package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgecoord.support.DefaultDatabaseUrl;

/**
 * The embedded default (H2 in file mode, as {@code application.yml} configures it) keeps what it
 * committed when the process is killed right after the commit ({@code kill -9}, no shutdown hook).
 * H2 otherwise writes commits behind, up to {@code WRITE_DELAY} (500 ms) later.
 */
class DefaultDatabaseDurabilityTests {

    private static final int COMMITS = 20;

    @TempDir
    Path dataDir;

    @Test
    void keepsEveryCommitWhenTheProcessIsKilledRightAfterIt() throws Exception {
        String url = DefaultDatabaseUrl.of(dataDir);
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (var lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(lines.readLine()).isEqualTo("committed " + COMMITS);
        }
        finally {
            writer.destroyForcibly(); // SIGKILL: nothing in the writer gets to flush or close
        }
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                Statement statement = connection.createStatement();
                ResultSet count = statement.executeQuery("select count(*) from record")) {
            count.next();
            assertThat(count.getInt(1)).isEqualTo(COMMITS);
        }
    }

    /** The process that is killed: commits one row at a time, says so, then waits to be killed. */
    static final class Writer {

        public static void main(String[] args) throws SQLException, InterruptedException {
            Connection connection = DriverManager.getConnection(args[0], "sa", "");
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table record (id int primary key)");
                for (int id = 1; id <= COMMITS; id++) {
                    statement.executeUpdate("insert into record values (" + id + ")");
                }
            }
            System.out.println("committed " + COMMITS);
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
