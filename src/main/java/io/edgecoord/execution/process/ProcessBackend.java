package io.edgecoord.execution.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.EnvironmentCallbacks;
import io.edgecoord.execution.EnvironmentHandle;
import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.EnvironmentStartException;
import io.edgecoord.execution.ExecutionBackend;
import io.edgecoord.runtime.RuntimeEndpoint;

/**
 * Runs each environment's runtime as a plain child process (see {@link ProcessPlan}) that reaches
 * its own Runtime API endpoint on a loopback port: no container, no isolation, no memory or CPU
 * limit; the invocation timeout, enforced by the resource manager through {@link #destroy}, is
 * the only bound.
 *
 * <p>{@link EnvironmentCallbacks#exited} is called exactly once per environment, also when
 * {@link #destroy} killed it, and then before {@code destroy} returns. Each running runtime has a
 * pid file under the work root, so that {@link #init} kills what a crashed coordinator left
 * running. Thread-safe.
 */
public class ProcessBackend implements ExecutionBackend {

    private static final Logger log = LoggerFactory.getLogger(ProcessBackend.class);

    private static final Duration EXIT_REPORT_WAIT = Duration.ofSeconds(10);

    private final ProcessProperties properties;
    private final Path runtimeRoot;
    private final Path environmentRoot;
    private final PidFiles pidFiles;
    private final String path;
    private final Map<String, RunningProcess> running = new ConcurrentHashMap<>();

    ProcessBackend(ProcessProperties properties, String path) {
        this.properties = properties;
        Path root = properties.workRoot().toAbsolutePath().normalize();
        this.runtimeRoot = root.resolve("runtimes");
        this.environmentRoot = root.resolve("environments");
        this.pidFiles = new PidFiles(root.resolve("pids"));
        this.path = path;
    }

    @Override
    public void init() {
        killLeftovers("left over from an earlier run");
        FileSystemUtils.deleteRecursively(environmentRoot.toFile());
        extractRuntimes();
    }

    @Override
    public RuntimeTransport runtimeTransport() {
        return RuntimeTransport.LOOPBACK_TCP;
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, Path runtimeSocketDirectory,
            EnvironmentCallbacks callbacks) {
        throw new EnvironmentStartException("The process backend serves runtimes on loopback TCP, "
                + "not on the unix socket in " + runtimeSocketDirectory, null);
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, RuntimeEndpoint endpoint,
            EnvironmentCallbacks callbacks) {
        InetSocketAddress api = endpoint.tcpAddress().orElseThrow(() -> new EnvironmentStartException(
                "The process backend needs a loopback TCP endpoint, not " + endpoint, null));
        Path home = environmentRoot.resolve(environmentId);
        ProcessPlan plan = ProcessPlan.of(spec, api, runtimeRoot, home, properties.python(), path);
        Process process;
        try {
            Files.createDirectories(home);
            ProcessBuilder builder = new ProcessBuilder(plan.command())
                    .directory(plan.workingDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().clear();
            builder.environment().putAll(plan.env());
            process = builder.start();
        }
        catch (IOException ex) {
            FileSystemUtils.deleteRecursively(home.toFile());
            throw new EnvironmentStartException("Cannot start " + String.join(" ", plan.command()) + " for environment "
                    + environmentId + ": " + ex.getMessage(), ex);
        }
        pidFiles.write(environmentId, process.toHandle());
        RunningProcess runtime = new RunningProcess(environmentId, process, callbacks);
        running.put(environmentId, runtime);
        runtime.follow(() -> forget(environmentId, runtime, home));
        return new EnvironmentHandle(environmentId, Long.toString(process.pid()));
    }

    @Override
    public void destroy(EnvironmentHandle handle) {
        RunningProcess runtime = running.get(handle.environmentId());
        if (runtime == null) {
            return; // exited already, and its exit was reported
        }
        ProcessTree.kill(runtime.process().toHandle(), properties.killGrace());
        try {
            if (!runtime.awaitExitReport(EXIT_REPORT_WAIT)) {
                log.warn("{} did not report its exit within {}", handle, EXIT_REPORT_WAIT);
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void cleanup() {
        List.copyOf(running.keySet()).forEach(id -> destroy(new EnvironmentHandle(id, "")));
        killLeftovers("at shutdown");
    }

    @Override
    public EnvironmentPolicy.Isolation isolation() {
        return EnvironmentPolicy.Isolation.NONE;
    }

    /** Available when the Python interpreter is found; {@code provided} tasks need none. */
    @Override
    public BackendStatus status() {
        Optional<Path> python = Executables.find(properties.python(), path);
        return python.map(found -> new BackendStatus("process", true,
                        "tasks run as plain processes, without isolation (" + found + ")"))
                .orElseGet(() -> new BackendStatus("process", false,
                        "no Python interpreter '" + properties.python() + "' on PATH " + path));
    }

    private void forget(String environmentId, RunningProcess runtime, Path home) {
        running.remove(environmentId, runtime);
        pidFiles.delete(environmentId);
        FileSystemUtils.deleteRecursively(home.toFile());
    }

    private void killLeftovers(String why) {
        List<ProcessHandle> leftovers = pidFiles.takeLeftovers();
        leftovers.forEach(process -> ProcessTree.kill(process, properties.killGrace()));
        if (!leftovers.isEmpty()) {
            log.info("Killed {} runtime processes {}", leftovers.size(), why);
        }
    }

    /** Copies the runtimes' scripts from the class path, so that a process can run them. */
    private void extractRuntimes() {
        for (String file : ProcessPlan.PYTHON_RUNTIME_FILES) {
            Path target = runtimeRoot.resolve(file);
            try (InputStream source = ProcessBackend.class.getResourceAsStream("/runtimes/" + file)) {
                if (source == null) {
                    throw new IllegalStateException("runtimes/" + file + " is not on the class path");
                }
                Files.createDirectories(target.getParent());
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException ex) {
                throw new UncheckedIOException("Cannot extract the Python runtime to " + target, ex);
            }
        }
    }
}
