package io.edgecoord.execution.docker;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.edgecoord.DockerAvailableCondition;
import io.edgecoord.execution.EnvironmentHandle;
import io.edgecoord.execution.EnvironmentSpec;

/**
 * A backend on the real engine, under an instance id of its own, running the test-shell runtime
 * (which runs {@code $EDGECOORD_TEST_COMMAND} with sh). Its image is built (or found) once.
 */
final class TestShell implements AutoCloseable {

    static final String HOST = DockerAvailableCondition.dockerHost();

    final String instance = "it-" + UUID.randomUUID().toString().substring(0, 8);

    final DockerClients docker = DockerClients.connect(HOST);

    final DockerBackend backend = backend(TestSettings.properties(HOST, instance));

    TestShell() {
        long started = System.nanoTime();
        String image = new RuntimeImages(docker, TestSettings.properties(HOST, instance),
                new PathMatchingResourcePatternResolver(), Clock.systemUTC()).ensure("test-shell");
        System.out.printf("test-shell image %s ready in %d ms%n", image, (System.nanoTime() - started) / 1_000_000);
    }

    DockerBackend backend(DockerProperties properties) {
        var images = new RuntimeImages(docker, properties, new PathMatchingResourcePatternResolver(), Clock.systemUTC());
        return new DockerBackend(docker, properties, images, Clock.systemUTC());
    }

    /** Lets the container's user read {@code code} and write {@code sockets}, as the coordinator must. */
    static void openUp(Path code, Path sockets) throws Exception {
        Files.setPosixFilePermissions(code, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(sockets, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    static EnvironmentSpec spec(Path code, String command, int memoryMb, Map<String, String> env) {
        var variables = new HashMap<>(env);
        variables.put("EDGECOORD_TEST_COMMAND", command);
        return new EnvironmentSpec("probe", 1, "test-shell", "test.handler", memoryMb, variables, code, false);
    }

    EnvironmentHandle run(Path code, Path sockets, String command, int memoryMb, RecordingCallbacks callbacks,
            Map<String, String> env) {
        long started = System.nanoTime();
        EnvironmentHandle handle = backend.create("env-" + UUID.randomUUID().toString().substring(0, 8),
                spec(code, command, memoryMb, env), sockets, callbacks);
        System.out.printf("create+start took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return handle;
    }

    @Override
    public void close() throws Exception {
        backend.cleanup();
        docker.close();
    }
}
