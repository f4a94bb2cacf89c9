package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.StreamSupport;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.DockerAvailable;
import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceConnectivityChanged;
import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.shadow.ShadowDeltaChanged;
import io.edgecoord.shadow.Shadows;
import io.edgecoord.support.CoordinatorClient;

/**
 * The router in the whole coordinator, with tasks running in real containers. Not a
 * {@code CoordinatorIntegrationTest}: mocking {@link Shadows} (no implementation exists yet)
 * makes a context of its own, which must not share that class's data folder and container label.
 */
@DockerAvailable
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edgecoord.execution.keep-alive=2m", "edgecoord.scheduler.max-concurrent=2" })
class RoutingIntegrationTests {

    private static final Path DATA_DIR;
    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");
    private static final String ECHO = "def handle(event, context):\n    return event\n";
    private static final String PLAN = "def handle(event, context):\n    return {\"setpoint\": 21}\n";

    static {
        try {
            DATA_DIR = Files.createTempDirectory(Path.of("/tmp"), "ecr");
        }
        catch (IOException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    @DynamicPropertySource
    static void coordinatorProperties(DynamicPropertyRegistry registry) {
        registry.add("edgecoord.data-dir", DATA_DIR::toString);
        registry.add("edgecoord.execution.docker.instance-id", () -> "rt" + UUID.randomUUID().toString().substring(0, 8));
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationEventPublisher events;

    @MockitoSpyBean
    Shadows shadows;

    private final JsonMapper json = JsonMapper.builder().build();
    private CoordinatorClient client;

    @BeforeEach
    void deployTasks() {
        client = new CoordinatorClient(port);
        deploy("route-echo", ECHO);
        deploy("route-plan", PLAN);
    }

    @AfterEach
    void deleteSubscriptions() {
        for (JsonNode subscription : client.json(client.get("/api/v1/subscriptions?size=200")).path("items")) {
            client.delete("/api/v1/subscriptions/" + subscription.path("id").asString());
        }
    }

    @Test
    void aMatchingReadingInvokesTheTaskWithTheEventAndRecordsTheCause() {
        String id = subscribe("devices", "devices/+/readings/#", "task:route-echo", null);

        events.publishEvent(new DeviceConnectivityChanged("th-1", ConnectivityStatus.ONLINE,
                ConnectivityStatus.UNKNOWN, "FIRST_CONTACT", 0, T0));
        events.publishEvent(new DeviceReadingsPolled("th-1", "status", Map.of("temp", 21.5), Set.of("temp"), T0));

        JsonNode invocation = client.awaitFinished(awaitInvocationsCausedBy(id, 1).getFirst().path("id").asString());
        assertThat(invocation.path("mode").asString()).isEqualTo("ASYNC");
        assertThat(invocation.path("cause").path("subscription").asString()).isEqualTo(id);
        assertThat(invocation.path("cause").path("source").asString()).isEqualTo("device:th-1");
        assertThat(invocation.path("cause").path("topic").asString()).isEqualTo("devices/th-1/readings/status");
        JsonNode event = invocation.path("result");
        assertThat(event.path("type").asString()).isEqualTo("device.readings");
        assertThat(event.path("subject").asString()).isEqualTo("devices/th-1/readings/status");
        assertThat(event.path("data").path("values").path("temp").asDouble()).isEqualTo(21.5);
        assertThat(invocationsCausedBy(id)).hasSize(1);
    }

    @Test
    void aTaskResultBecomesTheDesiredStateOfTheSubscribedShadow() {
        subscribe("tasks", "tasks/route-plan/results", "shadow:th-2", null);

        assertThat(client.invoke("route-plan", "{}").statusCode()).isEqualTo(200);

        verify(shadows, timeout(10_000)).update(eq("th-2"),
                eq(json.readTree("{\"state\":{\"desired\":{\"setpoint\":21}}}")), isNull());
    }

    @Test
    void aScheduleFiresEverySecond() {
        String id = subscribe("schedule", null, "task:route-echo", "* * * * * *");

        List<JsonNode> fired = awaitInvocationsCausedBy(id, 2);

        assertThat(fired).allSatisfy(i -> assertThat(i.path("cause").path("topic").asString())
                .isEqualTo("schedules/" + id));
        JsonNode event = client.awaitFinished(fired.getFirst().path("id").asString()).path("result");
        assertThat(event.path("type").asString()).isEqualTo("schedule.fired");
        assertThat(event.path("data").path("time").isString()).isTrue();
    }

    @Test
    void aHashSubscriptionDoesNotTakeDollarTopics() {
        String id = subscribe("devices", "#", "task:route-echo", null);
        assertThat(client.postJson("/api/v1/subscriptions", """
                {"source": "shadows", "subject": "#", "target": "task:route-echo"}""").statusCode()).isEqualTo(400);

        events.publishEvent(new ShadowDeltaChanged("th-3", json.readTree("{\"on\":true}"), 2, T0));
        events.publishEvent(new DeviceConnectivityChanged("th-3", ConnectivityStatus.OFFLINE,
                ConnectivityStatus.ONLINE, "FAILURES", 3, T0));

        List<JsonNode> invoked = awaitInvocationsCausedBy(id, 1);
        assertThat(invoked.getFirst().path("cause").path("topic").asString()).isEqualTo("devices/th-3/connectivity");
        assertThat(invocationsCausedBy(id)).hasSize(1);
    }

    private void deploy(String name, String code) {
        assertThat(client.deployInline(name, "python3.11", "main.handle", 128, 10, code).statusCode()).isIn(200, 201);
    }

    private String subscribe(String source, String subject, String target, String schedule) {
        var created = client.postJson("/api/v1/subscriptions", json.writeValueAsString(
                new CreateSubscriptionRequest(source, subject, target, schedule)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return client.json(created).path("id").asString();
    }

    private List<JsonNode> invocationsCausedBy(String subscription) {
        JsonNode page = client.json(client.get("/api/v1/invocations?task=route-echo&size=200"));
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .filter(i -> subscription.equals(i.path("cause").path("subscription").asString(null)))
                .toList();
    }

    private List<JsonNode> awaitInvocationsCausedBy(String subscription, int atLeast) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> invocationsCausedBy(subscription), list -> list.size() >= atLeast);
    }
}
