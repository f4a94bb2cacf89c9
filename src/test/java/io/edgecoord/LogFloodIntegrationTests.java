package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;

/**
 * A function that prints far more than the log limit completes normally, its log cut at the limit
 * with the marker, as Lambda does. The engine keeps at most {@code log-max-size} per environment
 * in its json-file log; with one file only, the engine ended the coordinator's follow of the log
 * at the first rotation while the container still ran, which read as the runtime's exit.
 */
class LogFloodIntegrationTests extends CoordinatorIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void aFunctionPrinting200MegabytesSucceedsWithItsLogTruncatedAtTheLimit() {
        CoordinatorClient client = new CoordinatorClient(port);
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"log-flood","runtime":"python3.11","handler":"m.f","timeoutSeconds":120,"code":{"inline":%s}}"""
                .formatted(quote("""
                        import sys
                        def f(event, context):
                            line = 'x' * 999 + '\\n'
                            for _ in range(200000):
                                sys.stdout.write(line)
                            sys.stdout.flush()
                            return 'printed'
                        """)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("log-flood", "{}");
        String id = invoked.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        JsonNode record = client.awaitFinished(id);

        assertThat(record.path("status").asString()).as(record.toString()).isEqualTo("SUCCEEDED");
        assertThat(invoked.body()).isEqualTo("\"printed\"");
        String log = client.awaitLogs(id, "[edgecoord: log truncated");
        assertThat(log.length()).isLessThan(1_100_000);
        assertThat(client.invoke("log-flood", "{}").body()).isEqualTo("\"printed\"");
    }
}
