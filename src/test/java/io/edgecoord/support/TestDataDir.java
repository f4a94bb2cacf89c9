package io.edgecoord.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh {@code edgecoord.data-dir} for a test's coordinator, under {@code /tmp} so that the
 * runtime sockets inside it stay within the OS limit on unix socket paths (about 107 bytes).
 */
public final class TestDataDir {

    private TestDataDir() {
    }

    /** Points {@code edgecoord.data-dir} at a new empty folder. */
    public static void register(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "ec");
        registry.add("edgecoord.data-dir", dir::toString);
    }
}
