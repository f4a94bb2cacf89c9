package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestPostgres;

/**
 * {@link EndToEndIntegrationTests}, the README's journey, with the {@code postgres} profile on a
 * real PostgreSQL: deploy, invoke both ways, read records and logs. Also checks, from a connection
 * of its own, that an accepted asynchronous call is committed by the time its 202 arrives.
 */
@DockerAvailable
@ActiveProfiles("postgres")
@TestPropertySource(properties = CoordinatorIntegrationTest.VARIANT + "=postgres")
class EndToEndPostgresIntegrationTests extends EndToEndIntegrationTests {

    private static final String SLEEPER = """
            import time
            def handle(event, context):
                time.sleep(event["seconds"])
                return "awake"
            """;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String user;

    @Value("${spring.datasource.password}")
    String password;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }

    @Test
    void anAcceptedAsynchronousCallIsCommittedBeforeItsAnswer() throws SQLException {
        assertThat(client.postJson("/api/v1/tasks", """
                {"name": "e2e-sleeper", "runtime": "python3.11", "handler": "sleeper.handle",
                 "timeoutSeconds": 30, "code": {"inline": %s}}
                """.formatted(quote(SLEEPER))).statusCode()).isEqualTo(201);

        HttpResponse<String> accepted = client.invoke("e2e-sleeper", "{\"seconds\": 3}", "Prefer", "respond-async");
        assertThat(accepted.statusCode()).isEqualTo(202);
        String location = accepted.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);

        // While the function still sleeps, another session sees the record and nobody holds a
        // transaction open: the insert was committed on its own, not left for a later commit.
        try (Connection outsider = DriverManager.getConnection(url, user, password)) {
            assertThat(status(outsider, id)).isIn("QUEUED", "RUNNING");
            assertThat(transactionsLeftOpen(outsider)).isZero();
        }
        assertThat(client.awaitFinished(id).path("status").asString()).isEqualTo("SUCCEEDED");
    }

    private static String status(Connection connection, String id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select status from invocation where id = ?")) {
            query.setString(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private static int transactionsLeftOpen(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                select count(*) from pg_stat_activity
                where datname = current_database() and state like 'idle in transaction%'""");
                ResultSet row = query.executeQuery()) {
            row.next();
            return row.getInt(1);
        }
    }
}
