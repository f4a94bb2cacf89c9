package io.edgecoord.execution;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides which invocation an environment's output belongs to. An environment runs one
 * invocation at a time, so output belongs to the invocation it took last: from the moment it is
 * attached until the next one is attached, the environment goes away, or a settle time after its
 * result has passed. The settle time catches lines that the engine delivers just after the
 * runtime posted the result, without holding the result back.
 */
final class OutputAttribution {

    private ExecutionListener current;

    synchronized void attach(ExecutionListener listener) {
        closeCurrent();
        current = listener;
    }

    synchronized void write(String text) {
        if (current != null) {
            current.output(text);
        }
    }

    /** Closes the current invocation's output after {@code settle}, unless another took over. */
    void settle(Duration settle, ScheduledExecutorService timer) {
        ExecutionListener listener;
        synchronized (this) {
            listener = current;
        }
        if (listener != null) {
            timer.schedule(() -> closeIf(listener), settle.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    synchronized void close() {
        closeCurrent();
    }

    private synchronized void closeIf(ExecutionListener listener) {
        if (current == listener) {
            closeCurrent();
        }
    }

    private void closeCurrent() {
        if (current != null) {
            ExecutionListener closing = current;
            current = null;
            closing.outputClosed();
        }
    }
}
