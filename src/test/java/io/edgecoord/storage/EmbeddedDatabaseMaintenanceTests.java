package io.edgecoord.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.edgecoord.support.DefaultDatabaseUrl;

/**
 * The embedded H2 file, with the default URL and the maintenance rounds, stops growing under a
 * constant churn of single-statement commits once dead chunks may be reused (RETENTION_TIME).
 */
class EmbeddedDatabaseMaintenanceTests {

    private static final int ROUNDS = 6;
    private static final int COMMITS_PER_ROUND = 400;

    @TempDir
    Path dataDir;

    @Test
    void fileStopsGrowingUnderConstantChurnOfCommits() throws Exception {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(DefaultDatabaseUrl.of(dataDir) + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        EmbeddedDatabaseMaintenance maintenance = new EmbeddedDatabaseMaintenance(dataSource, Duration.ofHours(1));
        Path file = dataDir.resolve("db/edgecoord.mv.db");
        long[] sizes = new long[ROUNDS];
        try (Connection connection = dataSource.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("create table record (id int primary key, body varchar(200))");
            }
            try (PreparedStatement upsert = connection.prepareStatement("merge into record values (?, ?)")) {
                for (int round = 0; round < ROUNDS; round++) {
                    for (int commit = 0; commit < COMMITS_PER_ROUND; commit++) {
                        upsert.setInt(1, commit % 50);
                        upsert.setString(2, "round " + round + " commit " + commit + " ".repeat(100));
                        upsert.executeUpdate();
                    }
                    maintenance.run();
                    sizes[round] = Files.size(file);
                    Thread.sleep(3_200); // past RETENTION_TIME=3000, so this round's dead chunks may be reused
                }
            }
        }
        // Each round writes about 400 chunks (some 10 MB); kept 45 s (H2's default) they would add up.
        assertThat(sizes[ROUNDS - 1]).as("file sizes by round %s", java.util.Arrays.toString(sizes))
                .isLessThanOrEqualTo(sizes[1] + sizes[1] / 4);
    }
}
