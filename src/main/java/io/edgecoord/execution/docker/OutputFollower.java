package io.edgecoord.execution.docker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.command.InspectContainerResponse.ContainerState;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.execution.EnvironmentCallbacks;
import io.edgecoord.execution.ExitStatus;

/**
 * Follows one container's output from its start on a virtual thread, passes every chunk to the
 * callbacks, and when the output ends (the container stopped, or was killed) inspects it and
 * reports its exit exactly once.
 *
 * <p>The output is read by attaching to the container before it starts, not by following its
 * log: a follower of the engine's json-file log reads the rotating files, loses what was written
 * between two rotations and may be ended at a rotation while the container still runs (a 200 MB
 * print then read as the runtime's exit). An attached stream is the container's stdout and
 * stderr themselves, whole, until they close.
 */
final class OutputFollower {

    private static final Logger log = LoggerFactory.getLogger(OutputFollower.class);

    private final DockerClients docker;

    private final String containerId;

    private final EnvironmentCallbacks callbacks;

    private final AtomicBoolean reported = new AtomicBoolean();

    private final CountDownLatch exited = new CountDownLatch(1);

    private final DockerHttpClient.Response response;

    private OutputFollower(DockerClients docker, String containerId, EnvironmentCallbacks callbacks,
            DockerHttpClient.Response response) {
        this.docker = docker;
        this.containerId = containerId;
        this.callbacks = callbacks;
        this.response = response;
    }

    /**
     * Attaches to the created container's output now, before it starts, so that nothing it
     * prints is missed and a failure is the caller's to handle; reading begins with {@link #start}.
     */
    static OutputFollower attach(DockerClients docker, String containerId, EnvironmentCallbacks callbacks) {
        DockerHttpClient.Response response = docker.streamsHttp().execute(Request.builder()
                .method(Request.Method.POST)
                .path("/containers/" + containerId + "/attach?stream=1&stdout=1&stderr=1")
                .build());
        if (response.getStatusCode() != 200) {
            throw new DockerException("Status " + response.getStatusCode() + ": " + readError(response),
                    response.getStatusCode());
        }
        return new OutputFollower(docker, containerId, callbacks, response);
    }

    /** Reads the output on a new virtual thread; {@code afterExit} runs once the exit is reported. */
    void start(String threadName, Runnable afterExit) {
        Thread.ofVirtual().name(threadName).start(() -> {
            follow();
            afterExit.run();
        });
    }

    /** Waits until the exit has been reported; returns whether it was within {@code timeout}. */
    boolean awaitExit(Duration timeout) throws InterruptedException {
        return exited.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try (response) {
            OutputFrames.forEach(response.getBody(), callbacks::output);
        }
        catch (IOException | RuntimeException broken) {
            log.warn("Output of container {} broke off: {}", containerId, DockerFailures.describe(broken));
        }
        finally {
            report(exitStatus());
        }
    }

    private ExitStatus exitStatus() {
        try {
            ContainerState state = docker.requests().inspectContainerCmd(containerId).exec().getState();
            if (Boolean.TRUE.equals(state.getRunning())) {
                log.warn("Lost the output of container {} while it still runs; reporting it as gone", containerId);
                return new ExitStatus(-1, false);
            }
            Long code = state.getExitCodeLong();
            return new ExitStatus(code == null ? -1 : code, Boolean.TRUE.equals(state.getOOMKilled()));
        }
        catch (RuntimeException gone) {
            // removed before we could look (destroyed), or the engine went away: the code is unknown
            log.debug("Cannot inspect exited container {}: {}", containerId, DockerFailures.describe(gone));
            return new ExitStatus(-1, false);
        }
    }

    private void report(ExitStatus status) {
        if (reported.compareAndSet(false, true)) {
            try {
                callbacks.exited(status);
            }
            finally {
                exited.countDown();
            }
        }
    }

    private static String readError(DockerHttpClient.Response response) {
        try (response) {
            return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            return "(no body: " + unreadable.getMessage() + ")";
        }
    }
}
