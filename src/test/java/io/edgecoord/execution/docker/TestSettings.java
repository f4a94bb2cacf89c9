package io.edgecoord.execution.docker;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/** Docker settings for tests: the defaults, with the engine and instance of the test's choice. */
final class TestSettings {

    private TestSettings() {
    }

    static DockerProperties properties(String host, String instanceId) {
        return new DockerProperties(host, instanceId, 1.0, 128, DataSize.ofMegabytes(64), "10001:10001",
                "debian:bookworm-slim", "1m", Duration.ofMinutes(10));
    }
}
