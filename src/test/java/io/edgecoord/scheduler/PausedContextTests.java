package io.edgecoord.scheduler;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;

/**
 * A context stopped and started again (what Spring's test framework does to a cached context it
 * pauses) dispatches asynchronous calls again: the stop's drain must not outlive the stop. Found
 * when every async call of the shared test context stayed QUEUED after its first pause.
 */
@DirtiesContext
class PausedContextTests extends ProcessCoordinatorTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aCoordinatorStoppedAndStartedAgainRunsAsynchronousCalls() {
        CoordinatorClient client = admin();
        assertThat(client.postJson("/api/v1/tasks", """
                {"name":"paused","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}"""
                .formatted(quote("def f(event, context):\n    return event\n"))).statusCode()).isEqualTo(201);

        context.stop();
        context.start();

        // The web server may listen on another free port after its restart.
        client = new CoordinatorClient(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
        String id = client.invoke("paused", "{\"n\": 1}", "Prefer", "respond-async").headers()
                .firstValue("Edgecoord-Invocation-Id").orElseThrow();
        assertThat(client.awaitFinished(id).path("status").asString()).isEqualTo("SUCCEEDED");
    }
}
