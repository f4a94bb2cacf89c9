package io.edgecoord.routing;

import static io.edgecoord.support.CoordinatorClient.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;

/** A task calls the coordinator from inside its container, through its own Runtime API endpoint. */
class EnvironmentGatewayIntegrationTests extends CoordinatorIntegrationTest {

    private static final String CALLER = """
            import json, os, http.client
            def handle(event, context):
                conn = http.client.HTTPConnection(os.environ["AWS_LAMBDA_RUNTIME_API"], timeout=10)
                conn.request(event.get("method", "POST"), "/edgecoord/v1/" + event["path"],
                             body=json.dumps(event.get("body", {})))
                response = conn.getresponse()
                return {"status": response.status, "body": json.loads(response.read() or b"null")}
            """;

    @LocalServerPort
    int port;

    CoordinatorClient client;

    @BeforeEach
    void connect() {
        client = new CoordinatorClient(port);
    }

    private void deploy(String name, String code) {
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"python3.11","handler":"m.handle","code":{"inline":%s}}"""
                .formatted(name, quote(code)));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
    }

    @Test
    void aTaskInvokesAnotherAndTheCalleesRecordNamesTheCaller() {
        deploy("gw-caller", CALLER);
        deploy("gw-callee", "def handle(event, context):\n    return {'got': event}\n");

        HttpResponse<String> response = client.invoke("gw-caller",
                "{\"path\": \"tasks/gw-callee/invoke\", \"body\": {\"n\": 7}}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode reply = client.json(response);
        assertThat(reply.path("status").asInt()).isEqualTo(202);
        String calleeId = reply.path("body").path("invocationId").asString();
        JsonNode callee = client.awaitFinished(calleeId);
        assertThat(callee.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(callee.path("result").path("got").path("n").asInt()).isEqualTo(7);
        assertThat(callee.path("cause").path("source").asString()).isEqualTo("task:gw-caller");
    }

    @Test
    void anUnknownServiceOrTaskIsAProblemTheTaskCanRead() {
        deploy("gw-lost", CALLER);

        JsonNode unknownPath = client.json(client.invoke("gw-lost", "{\"path\": \"nothing/here\"}"));
        JsonNode unknownTask = client.json(client.invoke("gw-lost", "{\"path\": \"tasks/no-such-task/invoke\"}"));

        assertThat(unknownPath.path("status").asInt()).isEqualTo(404);
        assertThat(unknownTask.path("status").asInt()).isEqualTo(404);
        assertThat(unknownTask.path("body").path("type").asString())
                .isEqualTo("https://edgecoord.io/problems/task-not-found");
    }
}
