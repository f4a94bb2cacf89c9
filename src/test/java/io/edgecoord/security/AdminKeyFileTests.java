package io.edgecoord.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.edgecoord.support.CoordinatorClient;

/** A first start with no key given writes one admin key to the data dir, mode 0600, and logs only its path. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "edgecoord.execution.backend=process", "edgecoord.security.admin-key=" })
class AdminKeyFileTests {

    static Path dataDir;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) throws IOException {
        dataDir = Files.createTempDirectory(Path.of("/tmp"), "ecadm");
        registry.add("edgecoord.data-dir", dataDir::toString);
    }

    @Test
    void theGeneratedAdminKeyIsInAPrivateFileAndWorks(CapturedOutput output) throws IOException {
        Path file = dataDir.resolve("admin.key");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        String token = Files.readString(file).trim();
        assertThat(token).matches("EK[A-Z2-7]{18}\\.[A-Za-z0-9_-]{43}");

        CoordinatorClient admin = new CoordinatorClient(port, token);
        assertThat(admin.get("/api/v1/keys").statusCode()).isEqualTo(200);
        assertThat(admin.get("/api/v1/keys").body()).contains("generated at first start");

        String secret = token.substring(token.indexOf('.') + 1);
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("secret.key")))
            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(output.getAll()).contains(file.toString()).doesNotContain(secret);
    }
}
