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
 *
 * <p>An attached stream also ends when the engine goes away (dockerd restarted, its socket gone)
 * while the container runs on. That is no exit: the environment still serves its calls over its
 * own socket. The follower asks the engine again every second until it answers, then attaches
 * again if the container runs (what it printed in between is lost) or reports its exit.
 */
final class OutputFollower {

    private static final Logger log = LoggerFactory.getLogger(OutputFollower.class);

    private static final Duration ENGINE_RETRY = Duration.ofSeconds(1);

    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** How many answers other than "gone" or "unreachable" (a 500 while dockerd starts, say) are waited out. */
    private static final int MAX_REFUSALS = 5;

    private static final ExitStatus UNKNOWN = new ExitStatus(-1, false);

    private final DockerClients docker;

    private final String containerId;

    private final EnvironmentCallbacks callbacks;

    private final AtomicBoolean reported = new AtomicBoolean();

    private final CountDownLatch exited = new CountDownLatch(1);

    private volatile DockerHttpClient.Response stream;

    private volatile boolean abandoned;

    private int reattached;

    private OutputFollower(DockerClients docker, String containerId, EnvironmentCallbacks callbacks,
            DockerHttpClient.Response stream) {
        this.docker = docker;
        this.containerId = containerId;
        this.callbacks = callbacks;
        this.stream = stream;
    }

    /**
     * Attaches to the created container's output now, before it starts, so that nothing it
     * prints is missed and a failure is the caller's to handle; reading begins with {@link #start}.
     */
    static OutputFollower attach(DockerClients docker, String containerId, EnvironmentCallbacks callbacks) {
        return new OutputFollower(docker, containerId, callbacks, attachStream(docker, containerId));
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

    /**
     * Gives the container up without the engine's word (it cannot be reached to kill it): its exit
     * is reported now, as unknown, and the follower stops. Removing it is left to the backend.
     */
    void abandon() {
        abandoned = true;
        report(UNKNOWN);
        close(stream);
    }

    private void follow() {
        try {
            while (!abandoned) {
                read(stream);
                if (!reattachOrReport()) {
                    return;
                }
            }
        }
        finally {
            report(UNKNOWN); // once only: a no-op when the exit was reported
            if (abandoned) {
                close(stream); // abandon() may have closed the stream before a new attachment replaced it
            }
        }
    }

    private void read(DockerHttpClient.Response output) {
        try (output) {
            OutputFrames.forEach(output.getBody(), callbacks::output);
        }
        catch (IOException | RuntimeException broken) {
            if (!abandoned) {
                log.warn("Output of container {} broke off: {}", containerId, DockerFailures.describe(broken));
            }
        }
    }

    /**
     * After the output ended: reports the exit and returns false, or, when the container still
     * runs, attaches to it again and returns true. Waits while the engine cannot be reached; only
     * the engine's word that the container is gone (404) or stopped ends it, or an error it keeps
     * answering.
     */
    private boolean reattachOrReport() {
        boolean warned = false;
        boolean seenRunning = false;
        int refusals = 0;
        while (!abandoned) {
            try {
                ContainerState state = docker.requests().inspectContainerCmd(containerId).exec().getState();
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    Long code = state.getExitCodeLong();
                    report(new ExitStatus(code == null ? -1 : code, Boolean.TRUE.equals(state.getOOMKilled())));
                    return false;
                }
                if (!seenRunning) {
                    // It may be stopping right now; and a stream that keeps ending at once (a handler that
                    // closed its stdout) must not spin: each attachment after the first waits twice as long.
                    seenRunning = true;
                    sleep(Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), ENGINE_RETRY.toMillis() << reattached)));
                    continue;
                }
                if (reattached++ == 0) {
                    log.warn("Lost the output of container {} while it runs; attaching to it again", containerId);
                }
                stream = attachStream(docker, containerId);
                return true;
            }
            catch (RuntimeException failure) {
                if (DockerFailures.isNotFound(failure) || (!DockerFailures.isUnreachable(failure)
                        && ++refusals > MAX_REFUSALS)) {
                    // removed (destroyed behind our back), or the engine keeps refusing: the code is unknown
                    log.debug("Cannot inspect exited container {}: {}", containerId, DockerFailures.describe(failure));
                    report(UNKNOWN);
                    return false;
                }
                if (!warned) {
                    log.warn("Engine unreachable or failing ({}); container {} is taken to run on until it answers",
                            DockerFailures.describe(failure), containerId);
                    warned = true;
                }
                sleep(ENGINE_RETRY);
            }
        }
        return false;
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

    private static DockerHttpClient.Response attachStream(DockerClients docker, String containerId) {
        DockerHttpClient.Response response = docker.streamsHttp().execute(Request.builder()
                .method(Request.Method.POST)
                .path("/containers/" + containerId + "/attach?stream=1&stdout=1&stderr=1")
                .build());
        if (response.getStatusCode() != 200) {
            throw new DockerException("Status " + response.getStatusCode() + ": " + readError(response),
                    response.getStatusCode());
        }
        return response;
    }

    private void sleep(Duration time) {
        try {
            Thread.sleep(time);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            abandoned = true;
        }
    }

    private static void close(DockerHttpClient.Response response) {
        try {
            response.close();
        }
        catch (RuntimeException ignored) {
            // it is being given up; the reader sees it closed
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
