package io.edgecoord.routing;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The java17 image's {@code com.amazonaws.greengrass.ipcsdk.DefaultIPCClient} (compiled for Java 17
 * into the image's build context, loaded from there) against a stand-in of the seam on loopback.
 */
class GreengrassJavaIpcClientTests {

    private static final String SEAM = "/edgecoord/v1/greengrass/invocations";

    HttpServer server;
    final List<String> requests = new ArrayList<>();
    final Deque<String[]> answers = new ArrayDeque<>();
    Object client;
    ClassLoader classes;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(SEAM, this::answer);
        server.start();
        URL root = GreengrassJavaIpcClientTests.class.getResource("/runtimes/java17/greengrass/");
        assertThat(root).as("runtimes/java17/greengrass on the class path (mvn compile)").isNotNull();
        classes = new URLClassLoader(new URL[] { root }, null);
        Constructor<?> constructor = classes.loadClass("com.amazonaws.greengrass.ipcsdk.DefaultIPCClient")
            .getDeclaredConstructor(String.class);
        constructor.setAccessible(true);
        client = constructor.newInstance("127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void postWorkSendsTheSdksArgumentsAsTheSeamsBodyAndReturnsTheId() throws Exception {
        answers.add(new String[] { "202", "{\"invocationId\": \"id-1\"}" });

        Object id = call("postWork", "arn:aws:lambda:edge:000000000000:function:adder:live", "RequestResponse",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "eyJjdXN0b20iOnt9fQ==");

        assertThat(id).isEqualTo("id-1");
        assertThat(requests).containsExactly("POST " + SEAM + " {\"functionArn\":"
                + "\"arn:aws:lambda:edge:000000000000:function:adder:live\",\"invocationType\":\"RequestResponse\","
                + "\"clientContext\":\"eyJjdXN0b20iOnt9fQ==\",\"payload\":\""
                + Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8)) + "\"}");
    }

    @Test
    void getWorkResultAsksAgainWhileRunningAndDecodesTheResult() throws Exception {
        String payload = Base64.getEncoder().encodeToString("{\"sum\":5}".getBytes(StandardCharsets.UTF_8));
        answers.add(new String[] { "200", "{\"status\":\"RUNNING\",\"payload\":null,\"functionError\":null}" });
        answers.add(new String[] { "200",
            "{\"status\":\"SUCCEEDED\",\"payload\":\"" + payload + "\",\"functionError\":null}" });

        Object result = call("getWorkResult", "arn:aws:lambda:edge:000000000000:function:adder", "id-2");

        assertThat(new String((byte[]) get(result, "getPayload"), StandardCharsets.UTF_8)).isEqualTo("{\"sum\":5}");
        assertThat(get(result, "getFunctionErr")).isNull();
        assertThat(get(result, "getStatusCode")).isEqualTo(200);
        assertThat(requests).containsExactly("GET " + SEAM + "/id-2?wait=30 ", "GET " + SEAM + "/id-2?wait=30 ");
    }

    @Test
    void aFailedCallCarriesItsFunctionErrorAndTheErrorDocument() throws Exception {
        String error = Base64.getEncoder().encodeToString("{\"errorMessage\":\"no\"}".getBytes(StandardCharsets.UTF_8));
        answers.add(new String[] { "200",
            "{\"status\":\"FAILED\",\"payload\":\"" + error + "\",\"functionError\":\"Handled\"}" });

        Object result = call("getWorkResult", "arn:aws:lambda:edge:000000000000:function:adder", "id-3");

        assertThat(get(result, "getFunctionErr")).isEqualTo("Handled");
        assertThat(new String((byte[]) get(result, "getPayload"), StandardCharsets.UTF_8)).contains("\"no\"");
    }

    @Test
    void aRefusalBecomesAnIpcExceptionWhoseCauseSaysTheStatusTypeAndDetail() {
        answers.add(new String[] { "403", "{\"type\":\"https://edgecoord.io/problems/permission-denied\","
                + "\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"Task t may not publish to topic a/\\\"b\\\"\"}" });

        Throwable thrown = catchCause(() -> call("postWork", "arn:aws:lambda:edge:000000000000:function:GGRouter",
                "Event", new byte[0], null));

        assertThat(thrown.getClass().getName()).isEqualTo("com.amazonaws.greengrass.ipcsdk.IPCException");
        assertThat(thrown.getCause()).hasToString(
                "java.io.IOException: HTTP 403 permission-denied: Task t may not publish to topic a/\"b\"");
    }

    @Test
    void functionArnFieldsTakesAQualifiedArnApart() throws Exception {
        Class<?> fields = classes.loadClass("com.amazonaws.greengrass.common.FunctionArnFields");
        Object arn = fields.getMethod("fromString", String.class)
            .invoke(null, "arn:aws:lambda:eu-west-1:123456789012:function:adder:$LATEST");

        assertThat(get(arn, "getRegion")).isEqualTo("eu-west-1");
        assertThat(get(arn, "getAccountId")).isEqualTo("123456789012");
        assertThat(get(arn, "getName")).isEqualTo("adder");
        assertThat(get(arn, "getQualifier")).isEqualTo("$LATEST");
        assertThat(get(arn, "getUnqualifiedArn")).isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:adder");
        Throwable invalid = catchCause(() ->
                fields.getMethod("fromString", String.class).invoke(null, "arn:aws:s3:::b"));
        assertThat(invalid.getClass().getSimpleName()).isEqualTo("InvalidArnException");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        String[] answer = answers.isEmpty() ? new String[] { "500", "{}" } : answers.poll();
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type",
                answer[0].startsWith("2") ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private Object call(String name, Object... arguments) throws Exception {
        for (Method method : client.getClass().getMethods()) {
            if (method.getName().equals(name)) {
                return method.invoke(client, arguments);
            }
        }
        throw new NoSuchMethodException(name);
    }

    private static Object get(Object target, String getter) throws Exception {
        return target.getClass().getMethod(getter).invoke(target);
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Throwable catchCause(Call call) {
        try {
            call.run();
        }
        catch (InvocationTargetException ex) {
            return ex.getCause();
        }
        catch (Exception ex) {
            return ex;
        }
        throw new AssertionError("no exception");
    }
}
