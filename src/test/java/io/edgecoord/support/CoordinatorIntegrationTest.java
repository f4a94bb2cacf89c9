package io.edgecoord.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.edgecoord.DockerAvailable;

/**
 * Boots the whole coordinator on a random port against the real Docker engine, with its own data
 * folder and its own container label, so that test runs never touch each other's containers.
 * Classes that extend it share one application context; a class that needs another context (a
 * different database, say) sets {@value #VARIANT} so that its coordinator keeps to a folder and a
 * label of its own, apart from the contexts still cached beside it.
 */
@DockerAvailable
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edgecoord.execution.keep-alive=2m",
        "edgecoord.execution.output-settle=100ms",
        "edgecoord.scheduler.max-concurrent=4",
        // Simulated devices listen on loopback, which the default network policy refuses.
        "edgecoord.device.network.allow=127.0.0.0/8",
})
public abstract class CoordinatorIntegrationTest {

    /** The test property that names a context's own folder and label: {@code h2} unless set. */
    public static final String VARIANT = "edgecoord.test.variant";

    /** Short, so that unix socket paths under it stay within the OS limit. */
    static final Path DATA_DIR;
    static final String INSTANCE_ID = "it" + UUID.randomUUID().toString().substring(0, 8);

    static {
        try {
            DATA_DIR = Files.createTempDirectory(Path.of("/tmp"), "ec");
        }
        catch (IOException ex) {
            throw new ExceptionInInitializerError(ex);
        }
    }

    /** The coordinator's HTTP port. */
    @LocalServerPort
    protected int port;

    /** A client of this coordinator with the tests' admin key. */
    protected CoordinatorClient client;

    @BeforeEach
    void connectClient() {
        client = new CoordinatorClient(port);
    }

    @DynamicPropertySource
    static void coordinatorProperties(DynamicPropertyRegistry registry) {
        // Resolved by each context's environment, so that each variant gets its own.
        registry.add("edgecoord.data-dir", () -> DATA_DIR + "/${" + VARIANT + ":h2}");
        registry.add("edgecoord.execution.docker.instance-id", () -> INSTANCE_ID + "-${" + VARIANT + ":h2}");
    }

}
