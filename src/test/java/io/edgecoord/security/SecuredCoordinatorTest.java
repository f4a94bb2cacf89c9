package io.edgecoord.security;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;

/**
 * A whole coordinator on a random port, seeded with the tests' admin key, tasks as processes
 * (nothing here runs one), for tests of who may call what. Subclasses share one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "edgecoord.execution.backend=process")
abstract class SecuredCoordinatorTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ecsec");
        registry.add("edgecoord.data-dir", dir::toString);
    }

    /** A client with the admin key. */
    CoordinatorClient admin() {
        return new CoordinatorClient(port);
    }

    /** A client with no key at all. */
    CoordinatorClient anonymous() {
        return new CoordinatorClient(port, null);
    }

    /** A new key with {@code scopes} (and task patterns, if any), as a client that sends it. */
    CoordinatorClient keyWith(String scopesJson, String tasksJson) {
        String body = "{\"name\":\"test\",\"scopes\":" + scopesJson
                + (tasksJson != null ? ",\"tasks\":" + tasksJson : "") + "}";
        HttpResponse<String> created = admin().postJson("/api/v1/keys", body);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Creating a key answered " + created.statusCode() + ": " + created.body());
        }
        JsonNode key = admin().json(created);
        return admin().withKey(key.path("token").asString());
    }

    CoordinatorClient keyWith(String scopesJson) {
        return keyWith(scopesJson, null);
    }
}
