package io.edgecoord.invocation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionRequest;
import io.edgecoord.execution.ExecutionUnavailableException;
import io.edgecoord.execution.ResourceManager;
import io.edgecoord.scheduler.QueueFullException;
import io.edgecoord.scheduler.ScheduledCall;
import io.edgecoord.scheduler.Scheduler;
import io.edgecoord.task.DeployedTask;
import io.edgecoord.task.TaskCatalog;

/**
 * Accepts calls of tasks: checks the payload, records the invocation before anything runs, and
 * hands it to the scheduler. Refuses at once, and records nothing, when the call cannot run.
 */
@Service
class InvocationService {

    /**
     * An accepted call: its record as committed, what completes when it ends, and what completes
     * with everything it printed once its output is closed (some time after it ends).
     */
    record Accepted(Invocation invocation, CompletableFuture<Invocation> done, Duration maxWait,
            CompletableFuture<String> output) {
    }

    private final TaskCatalog catalog;
    private final ResourceManager resourceManager;
    private final Scheduler scheduler;
    private final InvocationStore store;
    private final LiveLogs liveLogs;
    private final InvocationMetrics metrics;
    private final CompletionEvents completions;
    private final InvocationProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    InvocationService(TaskCatalog catalog, ResourceManager resourceManager, Scheduler scheduler, InvocationStore store,
            LiveLogs liveLogs, InvocationMetrics metrics, CompletionEvents completions, InvocationProperties properties,
            JsonMapper json, Clock clock) {
        this.catalog = catalog;
        this.resourceManager = resourceManager;
        this.scheduler = scheduler;
        this.store = store;
        this.liveLogs = liveLogs;
        this.metrics = metrics;
        this.completions = completions;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    Accepted invoke(String taskName, Integer version, byte[] payload, Invocation.Mode mode) {
        return invoke(taskName, version, payload, mode, null);
    }

    /** As {@link #invoke(String, Integer, byte[], Invocation.Mode)}, recording what caused the call. */
    Accepted invoke(String taskName, Integer version, byte[] payload, Invocation.Mode mode, InvocationCause cause) {
        byte[] event = checkPayload(payload);
        DeployedTask task = version == null ? catalog.latest(taskName) : catalog.version(taskName, version);
        BackendStatus backend = resourceManager.status();
        if (!backend.available()) {
            metrics.rejected("execution-unavailable");
            throw new ExecutionUnavailableException("No environment can be started: " + backend.detail(), null);
        }
        Invocation invocation = Invocation.accept(UUID.randomUUID().toString(), task.name(), task.version(), mode,
                event, clock.instant(), cause);
        store.insert(invocation);
        CompletableFuture<Invocation> done = new CompletableFuture<>();
        CompletableFuture<String> output = new CompletableFuture<>();
        try {
            schedule(invocation, task, done, output);
        }
        catch (QueueFullException ex) {
            store.delete(invocation.id());
            liveLogs.close(invocation.id());
            throw ex;
        }
        return new Accepted(invocation, done, task.timeout().plus(properties.syncWaitMargin()), output);
    }

    /**
     * Checks a call as {@link #invoke} would, and runs nothing.
     *
     * @return the version that would run
     */
    int check(String taskName, Integer version, byte[] payload) {
        checkPayload(payload);
        return (version == null ? catalog.latest(taskName) : catalog.version(taskName, version)).version();
    }

    /** Queues a recorded invocation; also used to queue again what a restart left queued. */
    void schedule(Invocation invocation, DeployedTask task, CompletableFuture<Invocation> done,
            CompletableFuture<String> output) {
        EnvironmentSpec spec = new EnvironmentSpec(task.name(), task.version(), task.runtime().id(), task.handler(),
                task.memoryMb(), task.environment(), task.codeDirectory(), false);
        ExecutionRequest request = new ExecutionRequest(invocation.id(), spec, invocation.payload(), task.timeout());
        completions.publishWhenDone(done);
        RecordingObserver observer = new RecordingObserver(invocation.id(), store, liveLogs, metrics, clock, done,
                output);
        scheduler.submit(new ScheduledCall(request, observer, invocation.acceptedAt()));
    }

    Invocation find(String id) {
        return store.find(id).orElseThrow(() -> new InvocationNotFoundException(id));
    }

    Page<Invocation> search(String task, InvocationStatus status, Pageable page) {
        return store.search(task, status, page);
    }

    /** What the invocation printed: live while its output is open, else as stored. */
    Optional<InvocationLog> logs(String id) {
        find(id);
        return liveLogs.find(id)
                .map(buffer -> new InvocationLog(id, buffer.text(), buffer.truncated()))
                .or(() -> store.findLog(id));
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
