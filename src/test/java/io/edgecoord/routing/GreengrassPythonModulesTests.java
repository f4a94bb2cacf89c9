package io.edgecoord.routing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The python3.11 image's {@code greengrass_common} and {@code greengrass_ipc_python_sdk}, run by
 * the machine's python3 against a stand-in seam on loopback: what Greengrass's SDK calls of them.
 * Without python3 this skips, but under {@code CI=true} it fails (CI installs python3).
 */
class GreengrassPythonModulesTests {

    private static final String SCRIPT = """
            from greengrass_common.function_arn_fields import FunctionArnFields as F
            from greengrass_common import env_vars
            from greengrass_ipc_python_sdk.ipc_client import IPCClient, IPCException
            f = F('arn:aws:lambda:us-east-1:123456789012:function:adder:live')
            print('arn', f.region, f.account_id, f.name, f.qualifier, f.unqualified_arn)
            g = F('adder')
            print('bare', g.region, g.account_id, g.name, repr(g.qualifier), F.build_function_arn(g.unqualified_arn, '2'))
            print('build', F.build_arn_string('r', 'a', 'n'), F.build_arn_string('r', 'a', 'n', '$LATEST'))
            for bad in ('', 'arn:aws:s3:::bucket', 'arn:aws:lambda:r:a:function:'):
                try:
                    F(bad)
                    print('accepted', bad)
                except ValueError:
                    print('refused', repr(bad))
            print('env', env_vars.MY_FUNCTION_ARN, env_vars.ROUTER_FUNCTION_ARN, env_vars.SECRETS_MANAGER_FUNCTION_ARN)
            ipc = IPCClient(endpoint='localhost', port=8000)
            work = ipc.post_work('arn:aws:lambda:edge:000000000000:function:adder', b'{"a": 1}', b'eyJjdXN0b20iOnt9fQ==')
            result = ipc.get_work_result('arn:aws:lambda:edge:000000000000:function:adder', work)
            print('work', work, result.payload, repr(result.func_err))
            try:
                ipc.post_work('arn:aws:lambda:edge:000000000000:function:GGRouter', 'x', None, 'Event')
            except IPCException as e:
                print('refused', e)
            """;

    private final Queue<String> requests = new ConcurrentLinkedQueue<>();
    private HttpServer seam;
    private int gets;

    @BeforeEach
    void start() throws IOException {
        seam = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        seam.createContext("/edgecoord/v1/greengrass/invocations", this::answer);
        seam.start();
    }

    @AfterEach
    void stop() {
        seam.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
        if (exchange.getRequestMethod().equals("GET")) {
            reply(exchange, 200, gets++ == 0 ? "{\"status\":\"RUNNING\",\"payload\":null,\"functionError\":null}"
                    : "{\"status\":\"SUCCEEDED\",\"payload\":\"eyJzdW0iOiAzfQ==\",\"functionError\":null}");
        }
        else if (body.contains("GGRouter")) {
            reply(exchange, 403, "{\"type\":\"https://edgecoord.io/problems/permission-denied\",\"detail\":\"may not "
                    + "publish to topic x\"}");
        }
        else {
            reply(exchange, 202, "{\"invocationId\":\"inv-1\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void theModulesGreengrassesSdkImportsParseArnsPostWorkAndWaitForItsResult() throws Exception {
        List<String> lines = python(SCRIPT);

        assertThat(lines).containsExactly(
                "arn us-east-1 123456789012 adder live arn:aws:lambda:us-east-1:123456789012:function:adder",
                "bare edge 000000000000 adder '' arn:aws:lambda:edge:000000000000:function:adder:2",
                "build arn:aws:lambda:r:a:function:n arn:aws:lambda:r:a:function:n:$LATEST",
                "refused ''", "refused 'arn:aws:s3:::bucket'", "refused 'arn:aws:lambda:r:a:function:'",
                "env arn:aws:lambda:edge:000000000000:function:me:3 arn:aws:lambda:edge:000000000000:function:GGRouter "
                        + "arn:aws:lambda:edge:000000000000:function:GGSecretManager",
                "work inv-1 b'{\"sum\": 3}' ''",
                "refused could not post work to arn:aws:lambda:edge:000000000000:function:GGRouter: 403 may not "
                        + "publish to topic x");
        assertThat(requests).hasSize(4).first().asString()
            .isEqualTo("POST /edgecoord/v1/greengrass/invocations {\"functionArn\": "
                    + "\"arn:aws:lambda:edge:000000000000:function:adder\", \"invocationType\": \"RequestResponse\", "
                    + "\"clientContext\": \"eyJjdXN0b20iOnt9fQ==\", \"payload\": \"eyJhIjogMX0=\"}");
        assertThat(requests).element(1).asString().startsWith("GET /edgecoord/v1/greengrass/invocations/inv-1?wait=30");
    }

    private List<String> python(String script) throws Exception {
        Path runtime = Path.of(GreengrassPythonModulesTests.class.getResource("/runtimes/python3.11/bootstrap.py").toURI())
            .getParent();
        ProcessBuilder builder = new ProcessBuilder("python3", "-c", script).directory(runtime.toFile())
            .redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", runtime.toString());
        builder.environment().put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + seam.getAddress().getPort());
        builder.environment().put("MY_FUNCTION_ARN", "arn:aws:lambda:edge:000000000000:function:me:3");
        builder.environment().put("ROUTER_FUNCTION_ARN", "arn:aws:lambda:edge:000000000000:function:GGRouter");
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException ex) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError("python3 must be on PATH under CI", ex);
            }
            assumeTrue(false, "python3 is not on PATH: " + ex.getMessage());
            throw ex;
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().toList();
    }
}
