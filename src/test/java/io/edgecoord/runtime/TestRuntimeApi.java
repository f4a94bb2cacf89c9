package io.edgecoord.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

/** A started Runtime API server for tests in other packages (its constructors are package-private). */
public final class TestRuntimeApi {

    private TestRuntimeApi() {
    }

    /** Starts a server whose sockets, if any, go under {@code socketRoot}; stop it when done. */
    public static RuntimeApiServer start(Path socketRoot) {
        RuntimeApiServer server = new RuntimeApiServer(new RuntimeProperties(socketRoot, DataSize.ofMegabytes(6)),
                Clock.systemUTC(), Duration.ofMinutes(1));
        server.start();
        return server;
    }
}
