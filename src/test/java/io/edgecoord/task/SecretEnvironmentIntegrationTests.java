package io.edgecoord.task;

import static io.edgecoord.support.CoordinatorClient.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;

/**
 * A secret variable reaches the task's container (and a plain process) as a normal environment
 * variable, while neither the API, nor the invocation's logs, nor the coordinator's own log output
 * ever shows it. The coordinator's loggers run at DEBUG and Spring's web loggers at TRACE while a
 * valid deploy and its calls go through, so that a request or a spec written out in full is caught.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretEnvironmentIntegrationTests extends CoordinatorIntegrationTest {

    private static final String READER = """
            import hashlib, os
            def handle(event, context):
                value = os.environ["DB_PASSWORD"]
                digest = hashlib.sha256(value.encode()).hexdigest()
                print("DB_PASSWORD has", len(value), "characters, sha256", digest)
                return {"length": len(value), "sha256": digest, "mode": os.environ["MODE"]}
            """;


    private final String secret = "s3cr3t-" + UUID.randomUUID();

    @AfterEach
    void quieten() {
        logging().setLogLevel("io.edgecoord", null);
        logging().setLogLevel("org.springframework.web", null);
    }

    /** Spring logs an unreadable body's parse error at DEBUG, so only calls that are valid run verbose. */
    private static void verbose() {
        logging().setLogLevel("io.edgecoord", LogLevel.DEBUG);
        logging().setLogLevel("org.springframework.web", LogLevel.TRACE);
    }

    @Test
    void theContainerGetsTheValueAndNothingTheCoordinatorShowsOrLogsContainsIt(CapturedOutput output) {
        verbose();
        List<String> seen = new ArrayList<>();
        HttpResponse<String> deployed = deploy("secret-reader", "");
        seen.add(deployed.body());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
        JsonNode version = client.json(deployed).path("version");
        assertThat(version.path("secretEnvironment").path("DB_PASSWORD").asString()).isEqualTo("***");
        assertThat(version.path("environment").path("MODE").asString()).isEqualTo("test");
        assertThat(version.path("environment").has("DB_PASSWORD")).isFalse();

        HttpResponse<String> again = deploy("secret-reader", "");
        seen.add(again.body());
        assertThat(again.statusCode()).as("an identical redeploy, secrets and all").isEqualTo(200);
        assertThat(client.json(again).path("latestVersion").asInt()).isEqualTo(1);

        HttpResponse<String> invoked = client.invoke("secret-reader", "{}");
        seen.add(invoked.body());
        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        JsonNode result = client.json(invoked);
        assertThat(result.path("length").asInt()).isEqualTo(secret.length());
        assertThat(result.path("sha256").asString()).isEqualTo(sha256(secret));
        assertThat(result.path("mode").asString()).isEqualTo("test");
        String invocationId = invoked.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        seen.add(client.awaitLogs(invocationId, sha256(secret)));

        seen.add(client.get("/api/v1/tasks/secret-reader").body());
        seen.add(client.get("/api/v1/tasks/secret-reader/versions").body());
        seen.add(client.get("/api/v1/tasks").body());
        seen.add(client.get("/api/v1/invocations/" + invocationId).body());
        seen.add(client.get("/api/v1/environments").body());
        assertThat(seen).allSatisfy((body) -> assertThat(body).doesNotContain(secret));
        assertThat(seen.get(4)).contains("\"DB_PASSWORD\":\"***\"");
        assertThat(output.getAll()).contains("secret-reader").doesNotContain(secret);
    }

    @Test
    void aPlainProcessGetsTheValueToo(CapturedOutput output) {
        verbose();
        HttpResponse<String> deployed = deploy("secret-process", ",\"execution\":{\"isolation\":\"none\"}");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

        HttpResponse<String> invoked = client.invoke("secret-process", "{}");

        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(client.json(invoked).path("sha256").asString()).isEqualTo(sha256(secret));
        assertThat(output.getAll()).doesNotContain(secret);
    }

    @Test
    void aRefusedDeployDoesNotEchoTheSecret(CapturedOutput output) {
        HttpResponse<String> clash = client.postJson("/api/v1/tasks", """
                {"name":"secret-clash","runtime":"python3.11","handler":"m.handle","code":{"inline":%s},
                 "environment":{"DB_PASSWORD":"plain"},"secretEnvironment":{"DB_PASSWORD":"%s"}}"""
                .formatted(quote(READER), secret));
        HttpResponse<String> malformed = client.postJson("/api/v1/tasks", """
                {"name":"secret-clash","runtime":"python3.11","secretEnvironment":{"DB_PASSWORD":%s}}"""
                .formatted(secret));

        assertThat(clash.statusCode()).isEqualTo(400);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(List.of(clash.body(), malformed.body(), output.getAll()))
                .allSatisfy((text) -> assertThat(text).doesNotContain(secret));
    }

    private HttpResponse<String> deploy(String name, String more) {
        return client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"m.handle","code":{"inline":%s},
                 "environment":{"MODE":"test"},"secretEnvironment":{"DB_PASSWORD":"%s"}%s}"""
                .formatted(name, quote(READER), secret, more));
    }

    private static LoggingSystem logging() {
        return LoggingSystem.get(SecretEnvironmentIntegrationTests.class.getClassLoader());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
