package io.edgecoord.invocation.lifecycle;

import java.time.Duration;
import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.store.Invocation;

/** Counts invocations by task and outcome and times them from start to end. */
@Component
class InvocationMetrics {

    private final MeterRegistry meters;

    InvocationMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void finished(Invocation invocation) {
        String outcome = outcome(invocation);
        Counter.builder("edgecoord.invocations")
                .description("Invocations that ended, by task and outcome")
                .tag("task", invocation.taskName()).tag("outcome", outcome)
                .register(meters).increment();
        if (invocation.startedAt() != null) {
            Timer.builder("edgecoord.invocation.duration")
                    .description("Time from handing an invocation to its environment to its end")
                    .tag("task", invocation.taskName()).tag("outcome", outcome)
                    .register(meters)
                    .record(Duration.between(invocation.startedAt(), invocation.finishedAt()));
        }
    }

    /**
     * A client cancelled a call: {@code where} it was then ({@code queued}, {@code running},
     * {@code retry-wait}). It also counts in {@code edgecoord.invocations} once it has ended.
     */
    void cancelled(Invocation invocation, String where) {
        Counter.builder("edgecoord.invocations.cancelled")
                .description("Invocations cancelled by their clients, by task and where they were")
                .tag("task", invocation.taskName()).tag("where", where)
                .register(meters).increment();
    }

    /** A call was refused before anything was recorded; the scheduler counts its own (queue-full). */
    void rejected(String reason) {
        Counter.builder("edgecoord.invocations.rejected").tag("reason", reason)
                .description("Calls refused before anything was recorded, by reason")
                .register(meters).increment();
    }

    /** A failed attempt of an asynchronous call that will be tried again. */
    void retried(Invocation invocation) {
        Counter.builder("edgecoord.invocation.retries")
                .description("Failed attempts of asynchronous invocations that are tried again, by task")
                .tag("task", invocation.taskName())
                .register(meters).increment();
    }

    static String outcome(Invocation invocation) {
        if (invocation.status() == InvocationStatus.FAILED) {
            return invocation.errorSource() == ErrorSource.FUNCTION ? "function-error" : "coordinator-error";
        }
        return invocation.status().name().toLowerCase(Locale.ROOT).replace('_', '-'); // timed-out, as every tag value
    }
}
