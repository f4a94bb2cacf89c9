package io.edgecoord.invocation.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestKeys;

/** AWS's own Java SDK invokes tasks through the Lambda Invoke API, unchanged but for the endpoint. */
class LambdaInvokeApiIntegrationTests extends CoordinatorIntegrationTest {

    private static final String ECHO = """
            def handle(event, context):
                print("echo says " + event["word"])
                if event.get("fail"):
                    raise ValueError("cannot echo " + event["word"])
                return {"echo": event["word"], "greeting": "%s"}
            """;

    @LocalServerPort
    int port;

    CoordinatorClient coordinator;

    final JsonMapper json = JsonMapper.builder().build();

    LambdaClient lambda;

    @BeforeEach
    void connect() {
        coordinator = new CoordinatorClient(port);
        lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestKeys.ADMIN_ID, TestKeys.ADMIN_SECRET)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterEach
    void disconnect() {
        lambda.close();
    }

    private void deploy(String name, String greeting) {
        HttpResponse<String> deployed = coordinator.deployInline(name, "python3.11", "echo.handle", 128, 10,
                ECHO.formatted(greeting));
        assertThat(deployed.statusCode()).isEqualTo(201);
    }

    private InvokeResponse invoke(String function, String payload) {
        return lambda.invoke(r -> r.functionName(function).payload(SdkBytes.fromUtf8String(payload)));
    }

    private JsonNode json(InvokeResponse response) {
        return json.readTree(response.payload().asUtf8String());
    }

    @Test
    void aSynchronousInvokeReturnsTheResultAndTheVersionThatRan() {
        deploy("lambda-sync", "hi");

        InvokeResponse response = invoke("lambda-sync", "{\"word\": \"edge\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(coordinator.record(response.responseMetadata().requestId()).path("version").asInt()).isEqualTo(1);
        assertThat(json(response).path("echo").asString()).isEqualTo("edge");
        String requestId = response.responseMetadata().requestId();
        assertThat(coordinator.record(requestId).path("status").asString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aQualifierOrAnArnPicksAnOlderVersion() {
        deploy("lambda-versions", "first");
        deploy("lambda-versions", "second");

        InvokeResponse latest = invoke("lambda-versions", "{\"word\": \"a\"}");
        InvokeResponse older = lambda.invoke(r -> r.functionName("lambda-versions").qualifier("1")
                .payload(SdkBytes.fromUtf8String("{\"word\": \"b\"}")));
        InvokeResponse byArn = invoke("arn:aws:lambda:us-east-1:123456789012:function:lambda-versions:1",
                "{\"word\": \"c\"}");

        assertThat(latest.executedVersion()).isEqualTo("$LATEST");
        assertThat(json(latest).path("greeting").asString()).isEqualTo("second");
        assertThat(older.executedVersion()).isEqualTo("1");
        assertThat(json(older).path("greeting").asString()).isEqualTo("first");
        assertThat(json(byArn).path("greeting").asString()).isEqualTo("first");
    }

    @Test
    void anEventIsAcceptedAndRunsLater() {
        deploy("lambda-event", "hi");

        InvokeResponse response = lambda.invoke(r -> r.functionName("lambda-event")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"word\": \"later\"}")));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.payload().asByteArray()).isEmpty();
        JsonNode listed = Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> coordinator.json(coordinator.get("/api/v1/invocations?task=lambda-event")),
                        page -> page.path("items").path(0).path("status").asString().equals("SUCCEEDED"));
        assertThat(listed.path("items").path(0).path("id").asString())
                .isEqualTo(response.responseMetadata().requestId());
        assertThat(listed.path("items").path(0).path("result").path("echo").asString()).isEqualTo("later");
    }

    @Test
    void aFunctionErrorIsUnhandledWithTheRuntimesErrorDocument() {
        deploy("lambda-failing", "hi");

        InvokeResponse response = invoke("lambda-failing", "{\"word\": \"x\", \"fail\": true}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode error = json(response);
        assertThat(error.path("errorType").asString()).isEqualTo("ValueError");
        assertThat(error.path("errorMessage").asString()).isEqualTo("cannot echo x");
        assertThat(error.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void theLogTailHoldsWhatTheFunctionPrinted() {
        deploy("lambda-tail", "hi");

        InvokeResponse response = lambda.invoke(r -> r.functionName("lambda-tail").logType(LogType.TAIL)
                .payload(SdkBytes.fromUtf8String("{\"word\": \"tailed\"}")));

        String log = new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8);
        assertThat(log).contains("echo says tailed");
        assertThat(json(response).path("echo").asString()).isEqualTo("tailed");
    }

    @Test
    void anUnknownFunctionIsTheSdksResourceNotFoundException() {
        assertThatThrownBy(() -> invoke("lambda-nowhere", "{}"))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, ex -> {
                    assertThat(ex.statusCode()).isEqualTo(404);
                    assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(
                            "Function not found: arn:aws:lambda:us-east-1:000000000000:function:lambda-nowhere");
                });
    }

    @Test
    void aDryRunAnswers204AndRunsNothing() {
        deploy("lambda-dry", "hi");

        InvokeResponse response = lambda.invoke(r -> r.functionName("lambda-dry")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{\"word\": \"no\"}")));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(coordinator.json(coordinator.get("/api/v1/invocations?task=lambda-dry"))
                .path("totalItems").asInt()).isZero();
    }
}
