package io.edgecoord.execution;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.edgecoord.execution.ExecutionResult.Cancelled;
import io.edgecoord.execution.ExecutionResult.CoordinatorFailed;
import io.edgecoord.execution.ExecutionResult.Expired;
import io.edgecoord.execution.ExecutionResult.FunctionFailed;
import io.edgecoord.execution.ExecutionResult.Outcome;
import io.edgecoord.execution.ExecutionResult.Succeeded;
import io.edgecoord.runtime.RuntimeCall;
import io.edgecoord.runtime.RuntimeInitFailedException;
import io.edgecoord.runtime.RuntimeInvocation;
import io.edgecoord.runtime.RuntimeOutcome;

/**
 * Hands one invocation to an environment's runtime and waits for whichever comes first: the
 * runtime's answer, the environment's exit, a stop ({@link ResourceManager#stop}) or the run
 * limit. A new environment first gets the init timeout to ask for work; the invocation's own
 * limit starts when it is handed over, as on Lambda, so a slow cold start does not eat the
 * function's time. That limit is the task's timeout, or less when the caller's deadline comes
 * first ({@link RunLimit}); the runtime is told the same end in {@code Lambda-Runtime-Deadline-Ms}.
 */
final class InvocationRunner {

    /** What happened, and why the environment may take no other invocation (null when it may). */
    record Ran(Outcome outcome, EvictionReason eviction, String reason) {

        boolean reusable() {
            return eviction == null;
        }
    }

    private final Clock clock;
    private final Duration initTimeout;
    private final RunningCalls calls;

    InvocationRunner(Clock clock, Duration initTimeout, RunningCalls calls) {
        this.clock = clock;
        this.initTimeout = initTimeout;
        this.calls = calls;
    }

    /** Runs the invocation to its end; one stopped meanwhile ends {@link Cancelled}, its environment spent. */
    Ran run(Environment env, ExecutionRequest request, StartKind kind) {
        CompletableFuture<String> stopped = calls.stopped(request.invocationId());
        Ran ran = attempt(env, request, kind, stopped);
        return calls.end(request.invocationId()) ? ran : cancelled(stopped.join());
    }

    private Ran attempt(Environment env, ExecutionRequest request, StartKind kind, CompletableFuture<String> stopped) {
        try {
            if (kind == StartKind.COLD) {
                Ran initFailure = awaitReady(env, request, stopped);
                if (initFailure != null) {
                    return initFailure;
                }
            }
            if (stopped.isDone()) {
                return cancelled(stopped.join());
            }
            RunLimit limit = RunLimit.of(clock.instant(), request.timeout(), request.deadline());
            if (limit.expired()) {
                return new Ran(new Expired(request.deadline()), null, "deadline passed before it was handed over");
            }
            RuntimeCall call = env.endpoint().submit(invocation(env, request, limit.endsAt()));
            calls.handedOver(request.invocationId());
            Object first;
            try {
                first = CompletableFuture.anyOf(call.outcome(), env.exitedFuture(), stopped)
                        .get(limit.duration().toMillis(), TimeUnit.MILLISECONDS);
            }
            catch (TimeoutException ex) {
                return new Ran(limit.timedOut(), EvictionReason.TIMEOUT, "invocation " + request.invocationId()
                        + " timed out after " + limit.duration() + (limit.byDeadline() ? " (its deadline)" : ""));
            }
            return switch (first) {
                case RuntimeOutcome outcome -> translate(outcome);
                case ExitStatus exit -> exitedDuring(call, exit);
                default -> cancelled(String.valueOf(first));
            };
        }
        catch (ExecutionException ex) {
            ExitStatus exit = env.exitedFuture().getNow(null);
            if (exit != null) {
                return exitFailure(exit);
            }
            return new Ran(new CoordinatorFailed("Coordinator.EnvironmentClosed",
                    "the environment was closed while running the invocation"), EvictionReason.EXITED, "closed");
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Ran(new CoordinatorFailed("Coordinator.Interrupted",
                    "the coordinator is shutting down"), EvictionReason.SHUTDOWN, "interrupted");
        }
    }

    /** Waits for a new environment's first poll; returns how it failed or was stopped, or null when ready. */
    private Ran awaitReady(Environment env, ExecutionRequest request, CompletableFuture<String> stopped)
            throws InterruptedException, ExecutionException {
        try {
            Object first = CompletableFuture.anyOf(env.endpoint().ready(), env.exitedFuture(), stopped)
                    .get(initTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (first instanceof Instant) {
                return null;
            }
            if (!(first instanceof ExitStatus exit)) {
                return cancelled(String.valueOf(first));
            }
            // It exited before asking for work; a runtime that reported an init error did so first.
            RuntimeCall call = env.endpoint().submit(invocation(env, request, clock.instant().plus(request.timeout())));
            return exitedDuring(call, exit);
        }
        catch (ExecutionException ex) {
            if (ex.getCause() instanceof RuntimeInitFailedException init) {
                return translate(init.error());
            }
            throw ex;
        }
        catch (TimeoutException ex) {
            return new Ran(new FunctionFailed("Runtime.InitTimeout",
                    "the runtime did not ask for an invocation within " + initTimeout, new byte[0]),
                    EvictionReason.INIT_ERROR, "init timeout");
        }
    }

    private static Ran cancelled(String reason) {
        return new Ran(new Cancelled(reason), EvictionReason.CANCELLED, "cancelled: " + reason);
    }

    private Ran exitedDuring(RuntimeCall call, ExitStatus exit) {
        RuntimeOutcome outcome = call.outcome().isDone() && !call.outcome().isCompletedExceptionally()
                ? call.outcome().join() : null;
        if (outcome instanceof RuntimeOutcome.InitError init) {
            return translate(init);
        }
        return exitFailure(exit);
    }

    private static Ran exitFailure(ExitStatus exit) {
        String type = exit.oomKilled() ? "Runtime.OutOfMemory" : "Runtime.ExitError";
        return new Ran(new FunctionFailed(type, exit.describe(), errorBody(type, exit.describe())), EvictionReason.EXITED,
                exit.describe());
    }

    private static Ran translate(RuntimeOutcome outcome) {
        return switch (outcome) {
            case RuntimeOutcome.Success s -> new Ran(new Succeeded(s.body()), null, "succeeded");
            case RuntimeOutcome.FunctionError e ->
                    new Ran(new FunctionFailed(e.errorType(), e.errorMessage(), e.body()), null, "function error");
            case RuntimeOutcome.InitError e -> new Ran(new FunctionFailed(e.errorType(), e.errorMessage(), e.body()),
                    EvictionReason.INIT_ERROR, "init error: " + e.errorMessage());
        };
    }

    private RuntimeInvocation invocation(Environment env, ExecutionRequest request, Instant endsAt) {
        return new RuntimeInvocation(request.invocationId(), request.payload(), endsAt.toEpochMilli(),
                functionArn(env.spec(), request.alias()), traceId(), request.clientContext());
    }

    /** An ARN-shaped id, as Lambda runtimes expect to find one: of the alias the call named, else of the version. */
    static String functionArn(EnvironmentSpec spec, String alias) {
        return FunctionArns.qualified(spec.taskName(), alias != null ? alias : Integer.toString(spec.taskVersion()));
    }

    private String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return "Root=1-" + Long.toHexString(clock.instant().getEpochSecond()) + "-"
                + HexFormat.of().formatHex(bytes) + ";Sampled=0";
    }

    private static byte[] errorBody(String type, String message) {
        String json = "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
