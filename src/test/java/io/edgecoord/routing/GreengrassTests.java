package io.edgecoord.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.edgecoord.support.CoordinatorClient;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Greengrass SDK integration tests share: devices for shadows, MQTT messages, test resources. */
final class GreengrassTests {

    private GreengrassTests() {
    }

    /** The next message (as "topic payload") received on {@code topic}, skipping others; null after the wait. */
    static String next(BlockingQueue<String> received, String topic, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
            String message = received.poll(left, TimeUnit.NANOSECONDS);
            if (message != null && message.startsWith(topic + " ")) {
                return message;
            }
        }
        return null;
    }

    /** A device whose shadow functions may use: LOCKED, so it is never polled. */
    static void register(CoordinatorClient client, String profileName, String device) {
        HttpResponse<String> profile = client.postJson("/api/v1/device-profiles", """
                {"name": "%s", "resources": [{"name": "level", "valueType": "FLOAT64", "readWrite": "RW",
                  "attributes": {"path": "/level"}}]}""".formatted(profileName));
        assertThat(profile.statusCode()).as(profile.body()).isIn(201, 409);
        HttpResponse<String> registered = client.postJson("/api/v1/devices", """
                {"name": "%s", "profile": "%s", "adminState": "LOCKED",
                 "protocol": {"type": "http", "baseUrl": "http://127.0.0.1:9"}}""".formatted(device, profileName));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    }

    /** A test resource's text, by its path under the class path's root. */
    static String resource(String path) {
        try (InputStream in = GreengrassTests.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("No test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
