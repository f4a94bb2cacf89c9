package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;

/** Failed authentications cost the client, and a key is held to its rate: both answer 429. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edgecoord.execution.backend=process", "edgecoord.security.failures-per-minute=5" })
class AuthenticationLimitsTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        registry.add("edgecoord.data-dir", Files.createTempDirectory(Path.of("/tmp"), "eclim")::toString);
    }

    @Test
    @Order(1)
    void aKeyOverItsRateIsAnswered429WithRetryAfterAndCounted() {
        CoordinatorClient admin = new CoordinatorClient(port);
        JsonNode key = admin.json(admin.postJson("/api/v1/keys",
                "{\"name\":\"slow\",\"scopes\":[\"read\"],\"requestsPerSecond\":3}"));
        CoordinatorClient slow = admin.withKey(key.path("token").asString());
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            answers.add(slow.get("/api/v1/tasks"));
        }
        List<HttpResponse<String>> throttled = answers.stream().filter(r -> r.statusCode() == 429).toList();
        assertThat(throttled).isNotEmpty();
        assertThat(answers.stream().filter(r -> r.statusCode() == 200)).isNotEmpty();
        assertThat(throttled.getFirst().headers().firstValue("Retry-After")).hasValue("1");
        assertThat(throttled.getFirst().body()).contains("rate-limited", key.path("id").asString());

        String metrics = admin.get("/actuator/prometheus").body();
        assertThat(metrics).contains("edgecoord_security_throttled_total{key=\"" + key.path("id").asString() + "\"}");
    }

    /** Runs last in its class: once blocked, loopback stays blocked for the minute. */
    @Test
    @Order(2)
    void aClientThatKeepsFailingIsBlockedEvenWithAGoodKey() {
        CoordinatorClient wrong = new CoordinatorClient(port, "EKWRONG0000000000000.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(wrong.get("/api/v1/tasks").statusCode());
        }
        assertThat(statuses.subList(0, 5)).containsOnly(401);
        assertThat(statuses.subList(6, 8)).containsOnly(429);

        HttpResponse<String> good = new CoordinatorClient(port).get("/api/v1/tasks");
        assertThat(good.statusCode()).isEqualTo(429);
        assertThat(good.headers().firstValue("Retry-After")).isPresent();
        assertThat(good.body()).contains("too-many-failures");
        assertThat(new CoordinatorClient(port, null).get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
