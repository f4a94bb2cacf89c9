package io.edgecoord.invocation.lambda;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.TestKeys;

/** Aliases over real HTTP: set, invoke by alias in both dialects, see the records, roll back. */
class AliasInvokeHttpTests extends ProcessCoordinatorTest {

    private static final String CODE = """
            def handle(event, context):
                return {"greeting": "%s"}
            """;

    @Test
    void invokingAnAliasRunsItsVersionRecordsTheAliasAndRollbackMovesItBack() {
        CoordinatorClient admin = admin();
        deploy(admin, "one");
        deploy(admin, "two");
        HttpResponse<String> put = admin.request("PUT", "/api/v1/tasks/aliased/aliases/live", "application/json",
                "{\"version\": 2}");
        assertThat(put.statusCode()).isEqualTo(201);
        assertThat(admin.json(admin.get("/api/v1/tasks/aliased/aliases")).path("items").get(0).get("version").asInt()).isEqualTo(2);

        HttpResponse<String> byPath = admin.invoke("aliased:live", "{}");
        assertThat(byPath.statusCode()).isEqualTo(200);
        assertThat(byPath.body()).contains("two");
        JsonNode record = admin.record(byPath.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
        assertThat(record.get("alias").asString()).isEqualTo("live");
        assertThat(record.get("version").asInt()).isEqualTo(2);

        HttpResponse<String> rolled = admin.post("/api/v1/tasks/aliased/rollback", "application/json", "");
        assertThat(rolled.statusCode()).isEqualTo(200);
        assertThat(admin.json(rolled).get("version").asInt()).isEqualTo(1);
        HttpResponse<String> byQuery = admin.post("/api/v1/tasks/aliased/invoke?qualifier=live", "application/json",
                "{}");
        assertThat(byQuery.body()).contains("one");

        try (LambdaClient lambda = lambda()) {
            InvokeResponse viaLambda = lambda.invoke((call) -> call.functionName("aliased").qualifier("live")
                .payload(SdkBytes.fromString("{}", StandardCharsets.UTF_8)));
            assertThat(viaLambda.executedVersion()).isEqualTo("1");
            assertThat(viaLambda.payload().asUtf8String()).contains("one");
            InvokeResponse latest = lambda.invoke((call) -> call.functionName("aliased").qualifier("$LATEST")
                .payload(SdkBytes.fromString("{}", StandardCharsets.UTF_8)));
            assertThat(latest.executedVersion()).isEqualTo("$LATEST");
            assertThat(latest.payload().asUtf8String()).contains("two");
            org.assertj.core.api.Assertions.assertThatExceptionOfType(ResourceNotFoundException.class)
                .isThrownBy(() -> lambda.invoke((call) -> call.functionName("aliased:missing")));
        }
    }

    @Test
    void anUnknownAliasIsAProblemAndRollbackPastVersionOneAConflict() {
        CoordinatorClient admin = admin();
        deploy(admin, "only");
        HttpResponse<String> missing = admin.invoke("only-task:nope", "{}");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(admin.json(missing).get("type").asString()).endsWith("/alias-not-found");
        admin.request("PUT", "/api/v1/tasks/only-task/aliases/live", "application/json", "{\"version\": 1}");
        HttpResponse<String> rolled = admin.post("/api/v1/tasks/only-task/rollback", "application/json", "");
        assertThat(rolled.statusCode()).isEqualTo(409);
        assertThat(admin.json(rolled).get("type").asString()).endsWith("/rollback-impossible");
        HttpResponse<String> bad = admin.request("PUT", "/api/v1/tasks/only-task/aliases/live", "application/json",
                "{\"version\": 7}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(admin.json(bad).get("type").asString()).endsWith("/invalid-alias");
    }

    private void deploy(CoordinatorClient admin, String greeting) {
        String name = greeting.equals("only") ? "only-task" : "aliased";
        HttpResponse<String> deployed = admin.postJson("/api/v1/tasks", """
                {"name": "%s", "runtime": "python3.11", "handler": "app.handle", "timeoutSeconds": 10,
                 "code": {"inline": %s, "fileName": "app.py"}}
                """.formatted(name, quote(CODE.formatted(greeting))));
        assertThat(deployed.statusCode()).isEqualTo(201);
    }

    private LambdaClient lambda() {
        return LambdaClient.builder()
            .endpointOverride(URI.create(baseUrl()))
            .region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider
                .create(AwsBasicCredentials.create(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET)))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    }
}
