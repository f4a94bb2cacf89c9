package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorIntegrationTest;
import io.edgecoord.support.TestCode;

/** Deploys and invokes a task in each runtime, in real containers. */
class RuntimesIntegrationTests extends CoordinatorIntegrationTest {

    @Test
    void runsAPythonHandlerFromAnUploadedZip() {
        byte[] zip = TestCode.zip(Map.of(
                "pkg/__init__.py", "",
                "pkg/app.py", "from pkg import util\ndef main(event, context):\n    return util.double(event['n'])\n",
                "pkg/util.py", "def double(n):\n    return n * 2\n"));
        HttpResponse<String> deployed = client.deployMultipart(
                "{\"name\":\"rt-python-zip\",\"runtime\":\"python3.11\",\"handler\":\"pkg.app.main\"}", "code.zip", zip);
        assertThat(deployed.statusCode()).isEqualTo(201);

        HttpResponse<String> result = client.invoke("rt-python-zip", "{\"n\": 21}");

        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("42");
    }

    @Test
    void runsALambdaStyleJavaHandlerWithAwsRuntimeClient() {
        byte[] jar = TestCode.javaHandlerJar("example.Greeter", """
                package example;
                import com.amazonaws.services.lambda.runtime.Context;
                import com.amazonaws.services.lambda.runtime.RequestHandler;
                import java.util.Map;
                public class Greeter implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                        System.out.println("java saw " + event.get("name"));
                        return Map.of("greeting", "Hello, " + event.get("name"),
                                "function", context.getFunctionName());
                    }
                }
                """);
        HttpResponse<String> deployed = client.deployMultipart("""
                {"name":"rt-java","runtime":"java17","handler":"example.Greeter::handleRequest",
                 "memoryMb":256,"timeoutSeconds":20}""", "greeter.jar", jar);
        assertThat(deployed.statusCode()).isEqualTo(201);

        HttpResponse<String> result = client.invoke("rt-java", "{\"name\": \"duke\"}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode body = client.json(result);
        assertThat(body.path("greeting").asString()).isEqualTo("Hello, duke");
        assertThat(body.path("function").asString()).isEqualTo("rt-java");
        String id = result.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        assertThat(client.awaitLogs(id, "java saw duke")).contains("java saw duke");
    }

    @Test
    void runsAProvidedBootstrapThatSpeaksTheRuntimeApiItself() {
        String bootstrap = """
                #!/bin/sh
                set -eu
                api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
                while true; do
                  headers="$(mktemp)"
                  event="$(curl -sS -D "$headers" "$api/invocation/next")"
                  id="$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$headers" | cut -d: -f2 | tr -d '[:space:]')"
                  echo "bootstrap handling $id"
                  curl -sS -X POST "$api/invocation/$id/response" -d "{\\"echo\\": $event, \\"handler\\": \\"$_HANDLER\\"}" >/dev/null
                  rm -f "$headers"
                done
                """;
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"rt-provided","runtime":"provided","handler":"my.handler","code":{"inline":%s}}
                """.formatted(quote(bootstrap)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

        HttpResponse<String> result = client.invoke("rt-provided", "{\"ping\": 1}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(client.json(result).path("echo").path("ping").asInt()).isEqualTo(1);
        assertThat(client.json(result).path("handler").asString()).isEqualTo("my.handler");
    }

    @Test
    void aPythonModuleThatCannotBeImportedFailsAsAnInitError() {
        client.postJson("/api/v1/tasks", """
                {"name":"rt-broken","runtime":"python3.11","handler":"broken.main",
                 "code":{"inline":"import no_such_module\\ndef main(e, c):\\n    return 1\\n"}}""");

        HttpResponse<String> result = client.invoke("rt-broken", "{}");

        assertThat(result.statusCode()).isEqualTo(502);
        assertThat(result.headers().firstValue("Edgecoord-Function-Error")).contains("Unhandled");
        assertThat(client.json(result).path("errorMessage").asString()).contains("no_such_module");
    }
}
