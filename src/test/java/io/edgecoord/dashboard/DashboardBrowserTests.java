package io.edgecoord.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.NodeTests;
import io.edgecoord.support.ProcessCoordinatorTest;
import io.edgecoord.support.TestCode;
import io.edgecoord.support.TestKeys;

/**
 * The dashboard in a real browser (Debian's {@code chromium}, driven by {@code playwright-core}
 * from {@code src/test/node/browser/dashboard.mjs}): sign in, deploy a task from a zip, invoke it
 * and see the result, follow a running call's log live, see a device's shadow change while the
 * device simulator in {@code examples/} changes its value, and a read-only key sees no deploy
 * button. Screenshots go to {@code target/dashboard-screenshots}; the main ones are kept in
 * {@code docs/images}. Tasks run as processes, so no Docker is needed. Skips without Chromium or
 * the npm packages, but fails under {@code CI=true}.
 */
class DashboardBrowserTests extends ProcessCoordinatorTest {

    private static final String CHROMIUM = "/usr/bin/chromium";

    @Test
    void anOperatorSignsInDeploysInvokesAndFollowsALogAndAReadKeyIsOfferedNoDeploy() throws IOException {
        NodeTests.require(CHROMIUM);
        Path zip = Files.createTempFile("ec-e2e", ".zip");
        Files.write(zip, TestCode.zip(Map.of("handler.py", """
                import time
                def handle(event, context):
                    for i in range(int(event.get("steps", 0))):
                        print("step", i, flush=True)
                        time.sleep(0.5)
                    return {"hello": event.get("name", "world")}
                """)));
        JsonNode readKey = admin().json(admin().postJson("/api/v1/keys", "{\"name\":\"viewer\",\"scopes\":[\"read\"]}"));
        Path shots = Files.createDirectories(Path.of("target/dashboard-screenshots").toAbsolutePath());
        int simulatorPort = freePort();
        Process simulator = new ProcessBuilder("python3", "examples/device-simulator/simulator.py",
                String.valueOf(simulatorPort)).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("ec-simulator", ".log").toFile()).start();
        String out;
        try {
            registerThermostat(simulatorPort);
            out = NodeTests.run(300, "node", "browser/dashboard.mjs", baseUrl(), TestKeys.ADMIN,
                    readKey.path("token").asString(), zip.toString(), shots.toString());
        }
        finally {
            simulator.destroy();
        }

        out.lines().filter(line -> line.contains(" usable after ")).forEach(System.out::println);
        assertThat(out).contains("ok sign in", "ok deploy a task from a zip", "ok invoke and see the result",
                "ok follow a running call's log live",
                "ok see a device's shadow change when its simulator changes a value, and its last readings",
                "ok filter invocations by time", "ok every page shows", "ok a read-only key sees no deploy button",
                "ok nothing fetched from elsewhere, no errors in the page");
        assertThat(shots.resolve("overview.png")).exists();
        Files.delete(zip);
    }

    /** The README's thermostat, polled every second from examples/device-simulator. */
    private void registerThermostat(int port) {
        assertThat(admin().postJson("/api/v1/device-profiles", """
                {"name": "thermostat", "resources": [
                  {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R"},
                  {"name": "setpoint", "valueType": "FLOAT64", "readWrite": "RW", "minimum": 5, "maximum": 30}],
                 "defaults": {"pollInterval": "1s"}}""").statusCode()).isEqualTo(201);
        HttpResponse<String> device = admin().postJson("/api/v1/devices", """
                {"name": "hall-1", "profile": "thermostat",
                 "protocol": {"type": "http", "baseUrl": "http://127.0.0.1:%d/hall-1"}}""".formatted(port));
        assertThat(device.statusCode()).as(device.body()).isEqualTo(201);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
