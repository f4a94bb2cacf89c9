package io.edgecoord.support;

import java.io.IOException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole coordinator on a random port, its tasks run as processes (no Docker needed), seeded with
 * the tests' admin key; for tests that use the API from outside, as a client or a browser would.
 * Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edgecoord.execution.backend=process")
public abstract class ProcessCoordinatorTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
    }

    /** A client with the admin key. */
    protected CoordinatorClient admin() {
        return new CoordinatorClient(port);
    }

    /** The coordinator's base URL. */
    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
