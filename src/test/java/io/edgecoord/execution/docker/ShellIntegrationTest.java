package io.edgecoord.execution.docker;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.edgecoord.DockerAvailable;

/**
 * The real engine with the test runtime built once per class, a code folder and a sockets folder the
 * container's user may enter, and this test's containers removed after each test.
 */
@DockerAvailable
abstract class ShellIntegrationTest {

    static TestShell shell;

    @TempDir
    Path code;

    @TempDir
    Path sockets;

    @BeforeAll
    static void buildTheTestRuntimeOnce() {
        shell = new TestShell();
    }

    @AfterAll
    static void removeEverythingOfThisInstance() throws Exception {
        shell.close();
    }

    @BeforeEach
    void letTheContainerUserIn() throws Exception {
        TestShell.openUp(code, sockets);
    }

    @AfterEach
    void removeThisTestsContainers() {
        shell.backend.cleanup();
    }
}
