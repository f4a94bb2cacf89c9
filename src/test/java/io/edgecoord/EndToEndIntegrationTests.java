package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;

/** The README's journey over real HTTP: deploy, invoke both ways, read records and logs, scrape metrics. */
class EndToEndIntegrationTests extends CoordinatorIntegrationTest {

    private static final String HELLO = """
            import os
            def handle(event, context):
                print("greeting " + event["name"] + " in " + context.function_name)
                if event.get("fail"):
                    raise ValueError("no greeting for " + event["name"])
                return {"message": os.environ["GREETING"] + ", " + event["name"],
                        "requestId": context.aws_request_id,
                        "remainingMs": context.get_remaining_time_in_millis()}
            """;

    private HttpResponse<String> deployHello(String name, String greeting) {
        return client.postJson("/api/v1/tasks", """
                {"name": "%s", "runtime": "python3.11", "handler": "hello.handle", "memoryMb": 128,
                 "timeoutSeconds": 10, "environment": {"GREETING": "%s"}, "code": {"inline": %s}}
                """.formatted(name, greeting, quote(HELLO)));
    }

    @Test
    void deploysInvokesAndShowsWhatHappened() {
        HttpResponse<String> deployed = deployHello("e2e-hello", "Hello");
        assertThat(deployed.statusCode()).isEqualTo(201);
        assertThat(client.json(deployed).path("latestVersion").asInt()).isEqualTo(1);
        assertThat(client.get("/api/v1/tasks/e2e-hello").statusCode()).isEqualTo(200);
        assertThat(client.json(client.get("/api/v1/tasks/e2e-hello/versions")).path("versions").size()).isEqualTo(1);
        assertThat(client.get("/api/v1/tasks").body()).contains("e2e-hello");

        HttpResponse<String> cold = client.invoke("e2e-hello", "{\"name\": \"edge\"}");
        assertThat(cold.statusCode()).isEqualTo(200);
        String coldId = cold.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        JsonNode result = client.json(cold);
        assertThat(result.path("message").asString()).isEqualTo("Hello, edge");
        assertThat(result.path("requestId").asString()).isEqualTo(coldId);
        assertThat(result.path("remainingMs").asLong()).isBetween(1L, 10_000L);

        JsonNode coldRecord = client.record(coldId);
        assertThat(coldRecord.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(coldRecord.path("start").asString()).isEqualTo("COLD");
        assertThat(coldRecord.path("isolation").asString()).isEqualTo("CONTAINER");
        assertThat(coldRecord.path("initDurationMs").isNumber()).isTrue();
        assertThat(coldRecord.path("task").asString()).isEqualTo("e2e-hello");
        assertThat(coldRecord.path("version").asInt()).isEqualTo(1);
        assertThat(coldRecord.path("acceptedAt").isString()).isTrue();
        assertThat(coldRecord.path("startedAt").isString()).isTrue();

        HttpResponse<String> warm = client.invoke("e2e-hello", "{\"name\": \"again\"}");
        JsonNode warmRecord = client.record(warm.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(warmRecord.path("start").asString()).isEqualTo("WARM");
        assertThat(warmRecord.path("environmentId").asString())
                .isEqualTo(coldRecord.path("environmentId").asString());
        assertThat(warmRecord.path("initDurationMs").isNull()).isTrue();

        HttpResponse<String> async = client.invoke("e2e-hello", "{\"name\": \"later\"}", "Prefer", "respond-async");
        assertThat(async.statusCode()).isEqualTo(202);
        String location = async.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith("/api/v1/invocations/");
        String asyncId = location.substring(location.lastIndexOf('/') + 1);
        JsonNode asyncRecord = client.awaitFinished(asyncId);
        assertThat(asyncRecord.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(asyncRecord.path("result").path("message").asString()).isEqualTo("Hello, later");
        assertThat(client.awaitLogs(asyncId, "greeting later in e2e-hello")).doesNotContain("greeting edge");

        String listing = client.get("/api/v1/invocations?task=e2e-hello&status=SUCCEEDED&size=2").body();
        assertThat(client.json(client.get("/api/v1/invocations?task=e2e-hello&status=SUCCEEDED&size=2"))
                .path("totalItems").asInt()).isEqualTo(3);
        assertThat(listing).contains("\"items\"");

        String metrics = client.get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("edgecoord_invocations_total{outcome=\"succeeded\",task=\"e2e-hello\"}")
                .contains("edgecoord_invocation_duration_seconds_bucket")
                .contains("edgecoord_cold_starts_total{task=\"e2e-hello\"}")
                .contains("edgecoord_queue_depth")
                .contains("edgecoord_environments_live");
    }

    @Test
    void aFunctionErrorIsToldApartFromTheCoordinatorsAndTheEnvironmentIsKept() {
        deployHello("e2e-failing", "Hi");
        HttpResponse<String> failed = client.invoke("e2e-failing", "{\"name\": \"x\", \"fail\": true}");

        assertThat(failed.statusCode()).isEqualTo(502);
        assertThat(failed.headers().firstValue("Edgecoord-Function-Error")).contains("Unhandled");
        JsonNode problem = client.json(failed);
        assertThat(problem.path("errorType").asString()).isEqualTo("ValueError");
        assertThat(problem.path("detail").asString()).isEqualTo("no greeting for x");
        String id = failed.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        JsonNode record = client.record(id);
        assertThat(record.path("status").asString()).isEqualTo("FAILED");
        assertThat(record.path("error").path("source").asString()).isEqualTo("FUNCTION");

        HttpResponse<String> next = client.invoke("e2e-failing", "{\"name\": \"y\"}");
        assertThat(next.statusCode()).isEqualTo(200);
        JsonNode nextRecord = client.record(next.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(nextRecord.path("start").asString()).isEqualTo("WARM");
    }

    @Test
    void aNewVersionRunsInItsOwnEnvironmentAndADeletedTaskIsGone() {
        deployHello("e2e-versions", "Hello");
        JsonNode first = client.record(client.invoke("e2e-versions", "{\"name\": \"a\"}")
                .headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());

        HttpResponse<String> redeployed = deployHello("e2e-versions", "Howdy");
        assertThat(redeployed.statusCode()).isEqualTo(201);
        HttpResponse<String> second = client.invoke("e2e-versions", "{\"name\": \"b\"}");
        assertThat(client.json(second).path("message").asString()).isEqualTo("Howdy, b");
        JsonNode secondRecord = client.record(second.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(secondRecord.path("version").asInt()).isEqualTo(2);
        assertThat(secondRecord.path("environmentId").asString())
                .isNotEqualTo(first.path("environmentId").asString());

        assertThat(client.delete("/api/v1/tasks/e2e-versions").statusCode()).isEqualTo(204);
        HttpResponse<String> gone = client.invoke("e2e-versions", "{}");
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void describesTheApiInOpenApiIncludingHowFunctionErrorsAreToldApart() {
        HttpResponse<String> docs = client.get("/v3/api-docs");

        assertThat(docs.statusCode()).isEqualTo(200);
        JsonNode paths = client.json(docs).path("paths");
        assertThat(paths.has("/api/v1/tasks/{name}/invoke")).isTrue();
        assertThat(paths.has("/api/v1/invocations/{id}/logs")).isTrue();
        assertThat(paths.has("/api/v1/tasks")).isTrue();
        assertThat(paths.path("/api/v1/tasks/{name}/invoke").path("post").path("responses").has("502")).isTrue();
    }

    @Test
    void theBodyIsThePayloadWhateverItsContentTypeAsCurlDashDSendsIt() {
        deployHello("e2e-curl", "Hey");

        HttpResponse<String> response = client.post("/api/v1/tasks/e2e-curl/invoke?version=1",
                "application/x-www-form-urlencoded", "{\"name\": \"curl\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(client.json(response).path("message").asString()).isEqualTo("Hey, curl");
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        deployHello("e2e-input", "Hi");
        HttpResponse<String> notJson = client.invoke("e2e-input", "{not json");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(client.json(notJson).path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/invalid-payload");

        HttpResponse<String> tooLarge = client.invoke("e2e-input", "\"" + "x".repeat(6 * 1024 * 1024) + "\"");
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(client.json(client.get("/api/v1/invocations?task=e2e-input")).path("totalItems").asInt())
                .isZero();
    }
}
