package io.edgecoord.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.TestKeys;

/**
 * The server-sent event streams over real HTTP: a running call's output arrives while it runs,
 * the figures come as history then samples, and no more streams open than the bound.
 */
class EventStreamHttpTests extends ProcessCoordinatorTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aFollowedLogStreamsTheOutputWhileTheCallRunsThenItsEnd() throws Exception {
        CoordinatorClient admin = admin();
        HttpResponse<String> deployed = admin.postJson("/api/v1/tasks", """
                {"name":"slow-printer","runtime":"python3.11","handler":"m.f","code":{"inline":%s}}""".formatted(
                CoordinatorClient.quote("import time\ndef f(event, context):\n    for i in range(6):\n"
                        + "        print('step', i, flush=True)\n        time.sleep(0.5)\n    return 'done'\n")));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
        HttpResponse<String> accepted = admin.invoke("slow-printer", "{}", "Prefer", "respond-async");
        String id = admin.json(accepted).path("id").asString();

        List<String> events = new ArrayList<>();
        String statusAtFirstOutput = null;
        try (Stream<String> lines = open("/api/v1/invocations/" + id + "/logs?follow=true").body()) {
            Iterator<String> it = lines.iterator();
            String event = null;
            while (it.hasNext()) {
                String line = it.next();
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                }
                else if (line.startsWith("data:")) {
                    JsonNode data = JsonMapper.shared().readTree(line.substring(5));
                    if (event.equals("output") && statusAtFirstOutput == null) {
                        statusAtFirstOutput = admin.record(id).path("status").asString();
                    }
                    events.add(event + " " + (event.equals("output") ? data.path("text").asString()
                            : data.path("status").asString()));
                }
            }
        }

        assertThat(statusAtFirstOutput).isEqualTo("RUNNING");
        assertThat(String.join("", events.stream().filter(e -> e.startsWith("output ")).map(e -> e.substring(7))
                .toList())).contains("step 0", "step 5");
        assertThat(events.getLast()).isEqualTo("end SUCCEEDED");
        assertThat(events.stream().filter(e -> e.startsWith("output ")).count()).isGreaterThan(1);
    }

    @Test
    void theFiguresStreamStartsWithTheHistory() throws Exception {
        HttpResponse<Stream<String>> response = open("/api/v1/metrics?follow=true");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        try (Stream<String> lines = response.body()) {
            List<String> first = lines.limit(2).toList();
            assertThat(first.get(0)).isEqualTo("event:history");
            assertThat(JsonMapper.shared().readTree(first.get(1).substring(5)).path("intervalSeconds").asInt())
                    .isEqualTo(5);
        }
    }

    @Test
    void noMoreStreamsOpenThanTheBoundAndAClosedOneFreesItsPlace() throws Exception {
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        HttpResponse<Stream<String>> refused = null;
        try {
            for (int i = 0; i <= 16 && refused == null; i++) {
                HttpResponse<Stream<String>> response = open("/api/v1/metrics?follow=true");
                if (response.statusCode() == 503) {
                    refused = response;
                }
                else {
                    open.add(response);
                }
            }
            assertThat(refused).as("the 17th stream").isNotNull();
            assertThat(refused.body().toList().toString()).contains("https://edgecoord.io/problems/too-many-streams");
        }
        finally {
            open.forEach(r -> r.body().close());
        }
        // The server sees a stream closed at its next write (a sample every 5 s), then frees the place.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    HttpResponse<Stream<String>> again = open("/api/v1/metrics?follow=true");
                    again.body().close();
                    return again.statusCode() == 200;
                });
    }

    private HttpResponse<Stream<String>> open(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofLines());
    }
}
