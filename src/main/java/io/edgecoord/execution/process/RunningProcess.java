package io.edgecoord.execution.process;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.execution.EnvironmentCallbacks;
import io.edgecoord.execution.ExitStatus;

/**
 * One started runtime process: a virtual thread streams its merged stdout and stderr to the
 * callbacks, then reports its exit once, after the output (unless a process it left behind keeps
 * the pipe open longer than {@link #OUTPUT_DRAIN}).
 */
final class RunningProcess {

    private static final Logger log = LoggerFactory.getLogger(RunningProcess.class);

    /** How long the exit report waits for the last output once the runtime itself has exited. */
    static final Duration OUTPUT_DRAIN = Duration.ofSeconds(1);

    private final String environmentId;
    private final Process process;
    private final EnvironmentCallbacks callbacks;
    private final CountDownLatch exitReported = new CountDownLatch(1);

    RunningProcess(String environmentId, Process process, EnvironmentCallbacks callbacks) {
        this.environmentId = environmentId;
        this.process = process;
        this.callbacks = callbacks;
    }

    /** Starts streaming; {@code afterExit} runs once the exit has been reported. */
    void follow(Runnable afterExit) {
        Thread reader = Thread.ofVirtual().name("process-output-" + environmentId).start(this::pumpOutput);
        Thread.ofVirtual().name("process-exit-" + environmentId).start(() -> {
            try {
                int code = process.waitFor();
                reader.join(OUTPUT_DRAIN);
                callbacks.exited(new ExitStatus(code, false));
            }
            catch (InterruptedException interrupted) {
                callbacks.exited(new ExitStatus(-1, false));
                Thread.currentThread().interrupt();
            }
            finally {
                exitReported.countDown();
                afterExit.run();
            }
        });
    }

    Process process() {
        return process;
    }

    boolean awaitExitReport(Duration wait) throws InterruptedException {
        return exitReported.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void pumpOutput() {
        char[] buffer = new char[8192];
        try (Reader output = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            for (int read = output.read(buffer); read >= 0; read = output.read(buffer)) {
                if (read > 0) {
                    callbacks.output(new String(buffer, 0, read));
                }
            }
        }
        catch (IOException closed) {
            // the pipe broke when the process was killed: nothing more to stream
            log.debug("Output of environment {} ended: {}", environmentId, closed.toString());
        }
    }
}
