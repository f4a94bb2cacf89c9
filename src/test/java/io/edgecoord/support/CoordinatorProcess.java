package io.edgecoord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

import io.edgecoord.EdgecoordApplication;

/**
 * The whole coordinator as a separate JVM, started from this JVM's own class path, on a free
 * loopback port and a data folder of its own, its output appended to a log file. {@link #kill}
 * is {@code kill -9}: the coordinator gets no shutdown hook, so whatever it started keeps running
 * until something kills it; {@link #runtimesOf} finds the runtime processes of the process
 * backend by the data folder their command line names, and {@link #close} kills both.
 */
public final class CoordinatorProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path dataDir;

    private CoordinatorProcess(Process process, int port, Path dataDir) {
        this.process = process;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts a coordinator on {@code dataDir} and returns once its readiness probe answers UP.
     *
     * @param settings further command-line arguments, such as {@code --edgecoord.x=y}
     */
    public static CoordinatorProcess start(Path dataDir, Path log, String... settings) {
        CoordinatorProcess coordinator = launch(dataDir, log, settings);
        coordinator.awaitReady();
        return coordinator;
    }

    /** Starts a coordinator on {@code dataDir} and returns at once, before it listens. */
    public static CoordinatorProcess launch(Path dataDir, Path log, String... settings) {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String instance = instanceOf(dataDir);
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), EdgecoordApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1",
                "--edgecoord.data-dir=" + dataDir, "--edgecoord.execution.docker.instance-id=" + instance));
        command.addAll(List.of(settings));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new CoordinatorProcess(process, port, dataDir);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + String.join(" ", command), ex);
        }
    }

    /**
     * The {@code edgecoord.instance} label of the containers a coordinator on {@code dataDir} starts:
     * its own, the same again after a restart on the same folder (the process backend uses none,
     * but a coordinator on a shared engine never touches others' containers).
     */
    public static String instanceOf(Path dataDir) {
        return "cp" + Integer.toHexString(dataDir.toAbsolutePath().hashCode());
    }

    public CoordinatorClient client() {
        return new CoordinatorClient(port);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL ({@link Process#destroyForcibly} on Linux), then waits for the JVM to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Coordinator " + process.pid() + " survived SIGKILL for 30 s");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** SIGTERM ({@link Process#destroy} on Linux); returns at once. */
    public void terminate() {
        process.destroy();
    }

    /** Waits up to {@code timeout} for the JVM to end; its exit code, or empty if it still runs. */
    public OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? OptionalInt.of(process.exitValue())
                : OptionalInt.empty();
    }

    /** Kills the coordinator and every runtime process started on its data folder. */
    @Override
    public void close() {
        kill();
        runtimesOf(dataDir).forEach(ProcessHandle::destroyForcibly);
    }

    /** The live runtime processes of the process backend on {@code dataDir}, whoever started them. */
    public static List<ProcessHandle> runtimesOf(Path dataDir) {
        String runtimes = dataDir.resolve("process").resolve("runtimes").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(runtimes))
                .toList();
    }

    /**
     * Whether a process still runs: alive and not a zombie. An orphan that exited stays a zombie
     * until the init process reaps it, which not every container's init does, and Java counts a
     * zombie as alive.
     */
    public static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        }
        catch (IOException gone) {
            return false;
        }
    }

    /** Waits until the readiness probe answers UP; fails at once if the coordinator exits. */
    public void awaitReady() {
        Awaitility.await("coordinator " + process.pid() + " ready on port " + port).atMost(READY_TIMEOUT)
                .pollInterval(Duration.ofMillis(250)).until(this::isReady);
    }

    /** Whether the readiness probe answers UP now. @throws IllegalStateException once the JVM has exited */
    public boolean isReady() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Coordinator " + process.pid() + " exited with " + process.exitValue());
        }
        try {
            HttpResponse<String> health = client().get("/actuator/health/readiness");
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        }
        catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
