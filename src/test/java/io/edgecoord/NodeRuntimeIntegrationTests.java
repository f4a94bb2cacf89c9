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

/** Deploys and invokes nodejs18.x tasks in real containers, through edgecoord's own bootstrap.js. */
class NodeRuntimeIntegrationTests extends CoordinatorIntegrationTest {

    @Test
    void runsAnAsyncHandlerFromAZipWithItsNodeModulesAndLambdasContext() {
        byte[] zip = TestCode.zip(Map.of(
                "index.js", """
                        const { double } = require('./lib/util');
                        const shout = require('shout');
                        exports.handler = async (event, context) => {
                          console.log('node saw ' + event.n);
                          return { doubled: double(event.n), loud: shout('hi'), node: process.version,
                            functionName: context.functionName, functionVersion: context.functionVersion,
                            memory: context.memoryLimitInMB, requestId: context.awsRequestId,
                            arn: context.invokedFunctionArn, remaining: context.getRemainingTimeInMillis() };
                        };
                        """,
                "lib/util.js", "exports.double = (n) => n * 2;\n",
                "node_modules/shout/index.js", "module.exports = (s) => s.toUpperCase() + '!';\n"));
        HttpResponse<String> deployed = client.deployMultipart("""
                {"name":"node-async","runtime":"nodejs18.x","handler":"index.handler","timeoutSeconds":20}""",
                "code.zip", zip);
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

        HttpResponse<String> result = client.invoke("node-async", "{\"n\": 21}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        JsonNode body = client.json(result);
        assertThat(body.path("doubled").asInt()).isEqualTo(42);
        assertThat(body.path("loud").asString()).isEqualTo("HI!");
        assertThat(body.path("node").asString()).startsWith("v18.");
        assertThat(body.path("functionName").asString()).isEqualTo("node-async");
        assertThat(body.path("functionVersion").asString()).isEqualTo("1");
        assertThat(body.path("memory").asString()).isEqualTo("128");
        assertThat(body.path("requestId").asString()).isNotBlank();
        assertThat(body.path("arn").asString()).contains("node-async");
        assertThat(body.path("remaining").asLong()).isBetween(1L, 20_000L);
        String id = result.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
        assertThat(client.awaitLogs(id, "node saw 21")).contains("node saw 21");
    }

    @Test
    void runsCallbackStyleHandlersAndContextSucceed() {
        deployInline("node-callback", "index.handler", """
                exports.handler = function (event, context, callback) {
                  if (event.via === 'succeed') {
                    return context.succeed({ via: 'succeed', sum: event.a + event.b });
                  }
                  if (event.via === 'fail') {
                    return callback(new TypeError('no sum for you'));
                  }
                  setTimeout(() => callback(null, { via: 'callback', sum: event.a + event.b }), 20);
                };
                """, 10);

        JsonNode viaCallback = client.json(client.invoke("node-callback", "{\"a\": 2, \"b\": 3}"));
        JsonNode viaSucceed = client.json(client.invoke("node-callback", "{\"a\": 4, \"b\": 5, \"via\": \"succeed\"}"));
        HttpResponse<String> viaFail = client.invoke("node-callback", "{\"via\": \"fail\"}");

        assertThat(viaCallback.path("via").asString()).isEqualTo("callback");
        assertThat(viaCallback.path("sum").asInt()).isEqualTo(5);
        assertThat(viaSucceed.path("via").asString()).isEqualTo("succeed");
        assertThat(viaSucceed.path("sum").asInt()).isEqualTo(9);
        assertThat(viaFail.statusCode()).isEqualTo(502);
        assertThat(client.json(viaFail).path("errorType").asString()).isEqualTo("TypeError");
    }

    @Test
    void anEsmHandlerRunsItsTopLevelAwaitAtInit() {
        byte[] zip = TestCode.zip(Map.of("app.mjs", """
                const loaded = await Promise.resolve('at init');
                export const handler = async (event) => ({ loaded, echo: event });
                """));
        assertThat(client.deployMultipart("""
                {"name":"node-esm","runtime":"nodejs18.x","handler":"app.handler"}""", "code.zip", zip).statusCode())
            .isEqualTo(201);

        JsonNode body = client.json(client.invoke("node-esm", "{\"x\": 1}"));

        assertThat(body.path("loaded").asString()).isEqualTo("at init");
        assertThat(body.path("echo").path("x").asInt()).isEqualTo(1);
    }

    @Test
    void aThrownErrorComesBackInLambdasNodeShape() {
        deployInline("node-throws", "index.handler", """
                class ValidationError extends Error {
                  constructor(message) { super(message); this.name = 'ValidationError'; }
                }
                exports.handler = async () => { throw new ValidationError('n is missing'); };
                """, 10);

        HttpResponse<String> result = client.invoke("node-throws", "{}");

        assertThat(result.statusCode()).isEqualTo(502);
        assertThat(result.headers().firstValue("Edgecoord-Function-Error")).contains("Unhandled");
        JsonNode problem = client.json(result);
        assertThat(problem.path("errorType").asString()).isEqualTo("ValidationError");
        assertThat(problem.path("errorMessage").asString()).isEqualTo("n is missing");
        JsonNode trace = problem.path("error").path("trace");
        assertThat(trace.isArray()).as(result.body()).isTrue();
        assertThat(trace.get(0).asString()).isEqualTo("ValidationError: n is missing");
        assertThat(trace.toString()).contains("/var/task/index.js").doesNotContain("bootstrap.js");
    }

    @Test
    void anUncaughtExceptionFailsTheCallItHappensInAndTheEnvironmentGoesOn() {
        deployInline("node-crash", "index.handler", """
                exports.handler = async (event) => {
                  if (event.crash) {
                    setTimeout(() => { throw new RangeError('late and uncaught'); }, 10);
                    return new Promise(() => {});
                  }
                  return 'fine';
                };
                """, 10);

        HttpResponse<String> crashed = client.invoke("node-crash", "{\"crash\": true}");
        HttpResponse<String> next = client.invoke("node-crash", "{}");

        assertThat(crashed.statusCode()).isEqualTo(502);
        assertThat(client.json(crashed).path("errorType").asString()).isEqualTo("RangeError");
        assertThat(client.json(crashed).path("errorMessage").asString()).isEqualTo("late and uncaught");
        assertThat(next.body()).isEqualTo("\"fine\"");
        assertThat(client.record(invocationId(next)).path("start").asString()).isEqualTo("WARM");
    }

    @Test
    void aPlainHandlerThatReturnsNothingEndsWithNull() {
        deployInline("node-plain", "index.handler", "exports.handler = function handler(event, context) { console.log(event); };\n", 10);

        HttpResponse<String> result = client.invoke("node-plain", "{\"hello\": 1}");

        assertThat(result.statusCode()).as(result.body()).isEqualTo(200);
        assertThat(result.body()).isEqualTo("null");
    }

    @Test
    void aModuleThatCannotLoadFailsAsAnInitError() {
        deployInline("node-broken", "index.handler", "require('no-such-module');\nexports.handler = async () => 1;\n", 10);

        HttpResponse<String> result = client.invoke("node-broken", "{}");

        assertThat(result.statusCode()).isEqualTo(502);
        assertThat(result.headers().firstValue("Edgecoord-Function-Error")).contains("Unhandled");
        assertThat(client.json(result).path("errorType").asString()).isEqualTo("Runtime.ImportModuleError");
        assertThat(client.json(result).path("errorMessage").asString()).contains("no-such-module");
    }

    @Test
    void aHandlerPastItsTimeoutIsTimedOut() {
        deployInline("node-slow", "index.handler",
                "exports.handler = () => new Promise((resolve) => setTimeout(resolve, 30000));\n", 1);

        HttpResponse<String> result = client.invoke("node-slow", "{}");

        assertThat(result.statusCode()).isEqualTo(504);
        assertThat(result.headers().firstValue("Edgecoord-Function-Error")).contains("TimedOut");
        assertThat(client.record(invocationId(result)).path("status").asString()).isEqualTo("TIMED_OUT");
    }

    @Test
    void moduleCodeRunsOnceAtInitAndAWarmEnvironmentKeepsItsStateAndVariables() {
        client.postJson("/api/v1/tasks", """
                {"name":"node-warm","runtime":"nodejs18.x","handler":"index.handler",
                 "environment":{"GREETING":"hello"},"code":{"inline":%s}}""".formatted(quote("""
                let calls = 0;
                const initialised = process.env.GREETING + ' from init';
                exports.handler = async () => ({ calls: ++calls, initialised, greeting: process.env.GREETING });
                """)));

        HttpResponse<String> first = client.invoke("node-warm", "{}");
        HttpResponse<String> second = client.invoke("node-warm", "{}");

        assertThat(client.json(first).path("calls").asInt()).isEqualTo(1);
        assertThat(client.json(second).path("calls").asInt()).isEqualTo(2);
        assertThat(client.json(second).path("initialised").asString()).isEqualTo("hello from init");
        assertThat(client.json(second).path("greeting").asString()).isEqualTo("hello");
        JsonNode firstRecord = client.record(invocationId(first));
        JsonNode secondRecord = client.record(invocationId(second));
        assertThat(secondRecord.path("start").asString()).isEqualTo("WARM");
        assertThat(secondRecord.path("environmentId").asString())
            .isEqualTo(firstRecord.path("environmentId").asString());
    }

    private void deployInline(String name, String handler, String source, int timeoutSeconds) {
        HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                {"name":"%s","runtime":"nodejs18.x","handler":"%s","timeoutSeconds":%d,"code":{"inline":%s}}"""
            .formatted(name, handler, timeoutSeconds, quote(source)));
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);
    }

    private static String invocationId(HttpResponse<String> response) {
        return response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow();
    }
}
