package io.edgecoord.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.edgecoord.DockerAvailable;

/**
 * Boots the whole coordinator on a random port against the real Docker engine, with its own data
 * folder and its own container label, so that test runs never touch each other's containers.
 * Classes that extend it share one application context.
 */
@DockerAvailable
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edgecoord.execution.keep-alive=2m",
        "edgecoord.execution.output-settle=100ms",
        "edgecoord.scheduler.max-concurrent=4",
})
public abstract class CoordinatorIntegrationTest {

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

    @DynamicPropertySource
    static void coordinatorProperties(DynamicPropertyRegistry registry) {
        registry.add("edgecoord.data-dir", DATA_DIR::toString);
        registry.add("edgecoord.execution.docker.instance-id", () -> INSTANCE_ID);
    }

    protected static String instanceId() {
        return INSTANCE_ID;
    }

}
