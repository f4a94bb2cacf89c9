package io.edgecoord.invocation.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.dao.DataIntegrityViolationException;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.ExceedsBudgetException;
import io.edgecoord.execution.ExecutionUnavailableException;
import io.edgecoord.execution.PoolView;
import io.edgecoord.invocation.IdempotencyKeyReusedException;
import io.edgecoord.invocation.InvalidPayloadException;
import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.InvocationNotFoundException;
import io.edgecoord.invocation.InvocationNotReplayableException;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.TaskCall;
import io.edgecoord.invocation.api.CallLimits;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationLog;
import io.edgecoord.invocation.store.InvocationQuery;
import io.edgecoord.invocation.store.InvocationStore;
import io.edgecoord.scheduler.QueueFullException;
import io.edgecoord.storage.DiskFullException;
import io.edgecoord.storage.DiskSpace;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskAliases;
import io.edgecoord.task.TaskCatalog;

/**
 * Accepts calls of tasks: checks the payload, records the invocation before anything runs, and
 * hands it to the scheduler. Refuses at once, and records nothing, when the call cannot run.
 */
@Service
public class InvocationService {

    /**
     * An accepted call: its record as committed, what completes when it ends, and what completes
     * with everything it printed once its output is closed (some time after it ends).
     */
    public record Accepted(Invocation invocation, CompletableFuture<Invocation> done, Duration maxWait,
            CompletableFuture<String> output, boolean replayed) {

        public Accepted(Invocation invocation, CompletableFuture<Invocation> done, Duration maxWait,
                CompletableFuture<String> output) {
            this(invocation, done, maxWait, output, false);
        }
    }

    private final TaskCatalog catalog;
    private final PoolView resourceManager;
    private final AttemptScheduler attempts;
    private final InvocationStore store;
    private final LiveLogs liveLogs;
    private final InvocationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    private final InvocationIds ids;
    private final IdempotencyKeys keys;
    private final InvocationMetrics metrics;
    private final TaskAliases aliases;
    private final DiskSpace disk;
    /** What completes when each call accepted by this process ends, for a repeat with its key. */
    private final Map<String, CompletableFuture<Invocation>> inFlight = new ConcurrentHashMap<>();

    InvocationService(TaskCatalog catalog, PoolView resourceManager, AttemptScheduler attempts,
            InvocationStore store, LiveLogs liveLogs, InvocationProperties properties, JsonMapper json, Clock clock,
            IdempotencyKeys keys, InvocationMetrics metrics, TaskAliases aliases, DiskSpace disk) {
        this.catalog = catalog;
        this.resourceManager = resourceManager;
        this.attempts = attempts;
        this.store = store;
        this.liveLogs = liveLogs;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.ids = new InvocationIds(clock);
        this.keys = keys;
        this.metrics = metrics;
        this.aliases = aliases;
        this.disk = disk;
    }

    public Accepted invoke(String taskName, Integer version, byte[] payload, Invocation.Mode mode) {
        return invoke(taskName, version, payload, mode, (InvocationCause) null);
    }

    /** As {@link #invoke(String, Integer, byte[], Invocation.Mode)}, with the caller's deadline and priority. */
    public Accepted invoke(String taskName, Integer version, byte[] payload, Invocation.Mode mode, CallLimits limits) {
        byte[] event = checkPayload(payload);
        return accept(resolve(taskName, version), event, mode, null, limits, invocation -> { });
    }

    /** As {@link #invoke(String, Integer, byte[], Invocation.Mode)}, recording what caused the call. */
    public Accepted invoke(String taskName, Integer version, byte[] payload, Invocation.Mode mode, InvocationCause cause) {
        byte[] event = checkPayload(payload);
        return accept(resolve(taskName, version), event, mode, cause, CallLimits.NONE, invocation -> { });
    }

    /**
     * As {@link #invoke(String, Integer, byte[], Invocation.Mode, CallLimits)}, running what a qualifier names:
     * {@code $LATEST}, a version, or an alias (its canary picked by weight); the record names the alias.
     *
     * @throws io.edgecoord.task.AliasNotFoundException when the qualifier names no alias of the task
     */
    public Accepted invokeQualified(String taskName, String qualifier, byte[] payload, Invocation.Mode mode,
            CallLimits limits) {
        byte[] event = checkPayload(payload);
        TaskAliases.Target target = aliases.resolve(taskName, qualifier);
        return accept(resolve(taskName, target.version()), event, mode, null, limits,
                invocation -> invocation.viaAlias(target.alias()));
    }

    /**
     * A call another module makes for a task's code: by qualifier, awaited (one attempt) or an event
     * (retried), with its cause and the client context the callee's runtime is handed.
     *
     * @throws io.edgecoord.task.AliasNotFoundException when the qualifier names no alias of the task
     */
    Accepted invokeCalled(TaskCall call) {
        byte[] event = checkPayload(call.payload());
        TaskAliases.Target target = aliases.resolve(call.task(), call.qualifier());
        return accept(resolve(call.task(), target.version()), event,
                call.awaited() ? Invocation.Mode.SYNC : Invocation.Mode.ASYNC, call.cause(), CallLimits.NONE,
                invocation -> invocation.viaAlias(target.alias()).withClientContext(call.clientContext()));
    }

    /**
     * As {@link #invoke(String, Integer, byte[], Invocation.Mode)} under a client's idempotency key:
     * the first call with the key, while within its window, is answered instead of a new one.
     *
     * @throws IdempotencyKeyReusedException when the key came first with a different payload
     */
    public Accepted invokeIdempotent(String taskName, Integer version, byte[] payload, Invocation.Mode mode, String key,
            CallLimits limits) {
        return invokeIdempotent(taskName, new TaskAliases.Target(version, null), payload, mode, key, limits);
    }

    /** As {@link #invokeIdempotent(String, Integer, byte[], Invocation.Mode, String, CallLimits)}, by qualifier. */
    public Accepted invokeIdempotentQualified(String taskName, String qualifier, byte[] payload, Invocation.Mode mode,
            String key, CallLimits limits) {
        return invokeIdempotent(taskName, aliases.resolve(taskName, qualifier), payload, mode, key, limits);
    }

    private Accepted invokeIdempotent(String taskName, TaskAliases.Target target, byte[] payload,
            Invocation.Mode mode, String key, CallLimits limits) {
        byte[] event = checkPayload(payload);
        DeployedTask task = resolve(taskName, target.version());
        String sha256 = IdempotencyKeys.sha256(event);
        Optional<Invocation> first = keys.firstCall(task.name(), key, sha256);
        if (first.isPresent()) {
            return replayed(first.get(), task);
        }
        try {
            return accept(task, event, mode, null, limits,
                    invocation -> invocation.idempotent(key, sha256).viaAlias(target.alias()));
        }
        catch (DataIntegrityViolationException ex) {
            // A concurrent call with the same key was recorded first: answer with it.
            return keys.firstCall(task.name(), key, sha256).map(winner -> replayed(winner, task)).orElseThrow(() -> ex);
        }
    }

    /**
     * Invokes a dead-lettered invocation's task again, asynchronously, with its payload; the new
     * record names the old one in {@code replayOf}. The task's latest version runs, so a fixed
     * function gets the events that its broken version could not handle.
     */
    public Invocation replay(String id) {
        Invocation dead = find(id);
        if (dead.status() != InvocationStatus.DEAD_LETTERED) {
            throw new InvocationNotReplayableException(id, dead.status());
        }
        return accept(catalog.latest(dead.taskName()), dead.payload(), Invocation.Mode.ASYNC, null, CallLimits.NONE,
                invocation -> invocation.replaying(id)).invocation();
    }

    private Accepted accept(DeployedTask task, byte[] event, Invocation.Mode mode, InvocationCause cause,
            CallLimits limits, Consumer<Invocation> annotate) {
        try {
            disk.requireRoom("new invocations");
        }
        catch (DiskFullException full) {
            metrics.rejected("disk-full");
            throw full;
        }
        BackendStatus backend = resourceManager.admits(TaskSpecs.spec(task));
        if (!backend.available()) {
            metrics.rejected("execution-unavailable");
            throw new ExecutionUnavailableException("No environment can be started: " + backend.detail(), null);
        }
        Instant now = clock.instant();
        Invocation invocation = Invocation.accept(ids.next(), task.name(), task.version(), mode,
                event, now, cause).scheduled(limits.priorityWithin(task.execution().priority()),
                limits.deadlineIn() == null ? null : now.plus(limits.deadlineIn()));
        annotate.accept(invocation);
        store.insert(invocation);
        CompletableFuture<Invocation> done = new CompletableFuture<>();
        CompletableFuture<String> output = new CompletableFuture<>();
        inFlight.put(invocation.id(), done);
        done.whenComplete((finished, failure) -> inFlight.remove(invocation.id()));
        try {
            attempts.schedule(invocation, task, done, output);
        }
        catch (QueueFullException | ExceedsBudgetException ex) {
            inFlight.remove(invocation.id());
            store.delete(invocation.id());
            liveLogs.close(invocation.id());
            throw ex;
        }
        return new Accepted(invocation, done, task.timeout().plus(properties.syncWaitMargin()), output);
    }

    /** The first call of an idempotency key, as its repeat answers it: waiting for it while it runs here. */
    private Accepted replayed(Invocation first, DeployedTask task) {
        CompletableFuture<Invocation> done = first.status().isFinal() ? CompletableFuture.completedFuture(first)
                : inFlight.getOrDefault(first.id(), CompletableFuture.completedFuture(first));
        return new Accepted(first, done, task.timeout().plus(properties.syncWaitMargin()), new CompletableFuture<>(),
                true);
    }

    /**
     * Checks a call as {@link #invoke} would, and runs nothing.
     *
     * @return the version that would run
     */
    public int check(String taskName, Integer version, byte[] payload) {
        checkPayload(payload);
        return (version == null ? catalog.latest(taskName) : catalog.version(taskName, version)).version();
    }

    /** As {@link #check}, for a qualifier that may name an alias. */
    public int checkQualified(String taskName, String qualifier, byte[] payload) {
        return check(taskName, aliases.resolve(taskName, qualifier).version(), payload);
    }

    public Invocation find(String id) {
        return store.find(id).orElseThrow(() -> new InvocationNotFoundException(id));
    }

    public Page<Invocation> search(InvocationQuery query, Pageable page) {
        return store.search(query, page);
    }

    /** What the invocation printed: live while its output is open, else as stored. */
    public Optional<InvocationLog> logs(String id) {
        find(id);
        return liveLogs.find(id)
                .map(buffer -> new InvocationLog(id, buffer.text(), buffer.truncated()))
                .or(() -> store.findLog(id));
    }

    private DeployedTask resolve(String taskName, Integer version) {
        return version == null ? catalog.latest(taskName) : catalog.version(taskName, version);
    }

    private byte[] checkPayload(byte[] payload) {
        long max = properties.maxPayloadSize().toBytes();
        if (payload.length > max) {
            metrics.rejected("payload-too-large");
            throw InvalidPayloadException.tooLarge(max);
        }
        if (payload.length == 0 || new String(payload, StandardCharsets.UTF_8).isBlank()) {
            return "{}".getBytes(StandardCharsets.UTF_8);
        }
        try {
            json.readTree(payload);
            return payload;
        }
        catch (JacksonException ex) {
            metrics.rejected("invalid-payload");
            throw InvalidPayloadException.notJson(ex.getOriginalMessage());
        }
    }
}
