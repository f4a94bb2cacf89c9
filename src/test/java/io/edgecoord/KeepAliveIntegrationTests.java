package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.github.dockerjava.api.DockerClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestDocker;

/** Idle containers are removed once their keep-alive has passed; the next call starts a new one. */
@TestPropertySource(properties = {
        "edgecoord.execution.keep-alive=1s",
        "edgecoord.execution.reap-interval=200ms",
})
class KeepAliveIntegrationTests extends CoordinatorIntegrationTest {

    static final DockerClient docker = TestDocker.client();

    @LocalServerPort
    int port;

    @Test
    void removesAnIdleContainerAfterItsKeepAlive() {
        CoordinatorClient client = new CoordinatorClient(port);
        client.postJson("/api/v1/tasks", """
                {"name":"keep-alive","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}"""
                .formatted(quote("def f(event, context):\n    return 'up'\n")));
        JsonNode first = client.record(client.invoke("keep-alive", "{}")
                .headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        String environment = first.path("environmentId").asString();

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("edgecoord.environment", environment)).exec().isEmpty());

        JsonNode second = client.record(client.invoke("keep-alive", "{}")
                .headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(second.path("start").asString()).isEqualTo("COLD");
        assertThat(second.path("environmentId").asString()).isNotEqualTo(environment);
    }
}
