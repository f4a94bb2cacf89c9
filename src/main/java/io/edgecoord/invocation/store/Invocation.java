package io.edgecoord.invocation.store;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationCause;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.persistence.AssignedIdEntity;

/**
 * The durable record of one call of a task. Changes state only through the named transitions,
 * which refuse what the lifecycle does not allow: QUEUED → RUNNING → SUCCEEDED | FAILED |
 * TIMED_OUT, or QUEUED → FAILED when it never started. An asynchronous call that failed goes back
 * to QUEUED for its next attempt ({@link #retryAt}), keeping the last error, or ends
 * DEAD_LETTERED ({@link #deadLetter}); one record covers all attempts of a call. A call that has
 * not ended may be CANCELLED ({@link #cancel}); one whose deadline passed before its event was
 * handed over ends EXPIRED ({@link #expire}).
 */
@Entity
@Table(name = "invocation")
@DynamicUpdate
public class Invocation extends AssignedIdEntity implements Cloneable {

    public enum Mode { SYNC, ASYNC }

    @Id
    private String id;
    private String taskName;
    private int taskVersion;
    @Enumerated(EnumType.STRING)
    private Mode mode;
    @Enumerated(EnumType.STRING)
    private InvocationStatus status;
    private byte[] payload;
    private byte[] result;
    @Enumerated(EnumType.STRING)
    private ErrorSource errorSource;
    private String errorType;
    @Column(length = 4096)
    private String errorMessage;
    private byte[] errorBody;
    private String environmentId;
    @Enumerated(EnumType.STRING)
    private StartKind startKind;
    @Enumerated(EnumType.STRING)
    private EnvironmentPolicy.Isolation isolation;
    private Long initDurationMs;
    private Instant acceptedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private String causeSubscription;
    private String causeSource;
    private String causeTopic;
    private int attempt;
    private Instant queuedAt;
    private String deadLetterReason;
    private String replayOf;
    private String idempotencyKey;
    private String payloadSha256;
    private Instant deadlineAt;
    private int priority;
    private Instant dispatchedAt;
    private Instant handedOverAt;
    private Instant cancelRequestedAt;
    private String aliasName;
    @Column(length = 4096)
    private String clientContext;

    protected Invocation() {
    }

    @Override
    public String getId() {
        return id;
    }

    public static Invocation accept(String id, String taskName, int taskVersion, Mode mode, byte[] payload, Instant at) {
        Invocation invocation = new Invocation();
        invocation.id = id;
        invocation.taskName = taskName;
        invocation.taskVersion = taskVersion;
        invocation.mode = mode;
        invocation.payload = payload;
        invocation.status = InvocationStatus.QUEUED;
        invocation.acceptedAt = at;
        invocation.queuedAt = at;
        invocation.attempt = 1;
        invocation.priority = 5;
        return invocation;
    }

    /** Accepts a call the coordinator makes by itself, recording what caused it. */
    public static Invocation accept(String id, String taskName, int taskVersion, Mode mode, byte[] payload, Instant at,
            InvocationCause cause) {
        Invocation invocation = accept(id, taskName, taskVersion, mode, payload, at);
        if (cause != null) {
            invocation.causeSubscription = cause.subscription();
            invocation.causeSource = cause.source();
            invocation.causeTopic = cause.topic();
        }
        return invocation;
    }

    /** A copy of this record as it is now (its arrays are never changed in place, so they are shared). */
    Invocation copy() {
        try {
            return (Invocation) clone();
        }
        catch (CloneNotSupportedException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Marks a new record as a replay of a dead-lettered one. */
    public Invocation replaying(String deadLetteredId) {
        this.replayOf = deadLetteredId;
        return this;
    }

    /** Names the alias a new record's call asked for ({@code null}: it named none). */
    public Invocation viaAlias(String alias) {
        this.aliasName = alias;
        return this;
    }

    /** The alias the call asked for, or {@code null}; {@link #taskVersion()} is the version that ran. */
    public String alias() {
        return aliasName;
    }

    /** Gives a new record the Lambda client context (JSON text) its caller sent; null for none. */
    public Invocation withClientContext(String context) {
        this.clientContext = context;
        return this;
    }

    /** The client context its caller sent, or null. */
    public String clientContext() {
        return clientContext;
    }

    /** Binds a new record to a client's idempotency key and the sha256 (hex) of its payload. */
    public Invocation idempotent(String key, String sha256) {
        this.idempotencyKey = key;
        this.payloadSha256 = sha256;
        return this;
    }

    /** Sets a new record's priority (0..9) and its caller's deadline (null for none). */
    public Invocation scheduled(int priority, Instant deadline) {
        this.priority = priority;
        this.deadlineAt = deadline;
        return this;
    }

    /** Frees the idempotency key once its window has passed, so a new call may use it. */
    public void releaseIdempotencyKey() {
        this.idempotencyKey = null;
    }

    /** A failed attempt of an asynchronous call will be tried again at {@code at}; its error stays. */
    public void retryAt(Instant at) {
        require(mode == Mode.ASYNC && (status == InvocationStatus.FAILED || status == InvocationStatus.TIMED_OUT),
                "QUEUED");
        this.status = InvocationStatus.QUEUED;
        this.attempt++;
        this.queuedAt = at;
        this.environmentId = null;
        this.startKind = null;
        this.isolation = null;
        this.initDurationMs = null;
        this.startedAt = null;
        this.finishedAt = null;
        this.dispatchedAt = null;
        this.handedOverAt = null;
    }

    /** A failed asynchronous call is given up, for the reason named; its last error stays. */
    public void deadLetter(String reason, Instant at) {
        require(mode == Mode.ASYNC && (status == InvocationStatus.FAILED || status == InvocationStatus.TIMED_OUT),
                "DEAD_LETTERED");
        this.status = InvocationStatus.DEAD_LETTERED;
        this.deadLetterReason = reason;
        this.finishedAt = at;
    }

    /** @param isolation what its environment really runs with */
    public void start(String environmentId, StartKind startKind, EnvironmentPolicy.Isolation isolation, Instant at) {
        require(status == InvocationStatus.QUEUED, "RUNNING");
        this.status = InvocationStatus.RUNNING;
        this.environmentId = environmentId;
        this.startKind = startKind;
        this.isolation = isolation;
        this.startedAt = at;
    }

    public void succeed(byte[] result, Duration initDuration, Instant at) {
        require(status == InvocationStatus.RUNNING, "SUCCEEDED");
        this.result = result;
        this.errorSource = null;
        this.errorType = null;
        this.errorMessage = null;
        this.errorBody = null;
        finish(InvocationStatus.SUCCEEDED, initDuration, at);
    }

    public void fail(ErrorSource source, String type, String message, byte[] body, Duration initDuration, Instant at) {
        require(!status.isFinal(), "FAILED");
        this.errorSource = source;
        this.errorType = type;
        this.errorMessage = truncate(message, 4096);
        this.errorBody = body;
        finish(InvocationStatus.FAILED, initDuration, at);
    }

    public void timeOut(Duration timeout, Duration initDuration, Instant at) {
        timeOut(timeout, null, initDuration, at);
    }

    /** Ran past its limit: the task's timeout, or the caller's {@code deadline} when that came first. */
    public void timeOut(Duration timeout, Instant deadline, Duration initDuration, Instant at) {
        require(status == InvocationStatus.RUNNING, "TIMED_OUT");
        this.errorSource = ErrorSource.FUNCTION;
        this.errorType = "Function.TimedOut";
        this.errorBody = null;
        this.errorMessage = "Task timed out after " + timeout.toMillis() / 1000.0 + " seconds"
                + (deadline == null ? "" : ": its caller's deadline " + deadline + " passed");
        finish(InvocationStatus.TIMED_OUT, initDuration, at);
    }

    /** Its client cancelled it before it ended, for the reason given; it is never tried again. */
    public void cancel(String reason, Duration initDuration, Instant at) {
        require(!status.isFinal(), "CANCELLED");
        String where = status == InvocationStatus.RUNNING ? "while running" : "while queued";
        endWithoutResult(InvocationStatus.CANCELLED, "Coordinator.Cancelled", "cancelled " + where + ": " + reason,
                initDuration, at);
    }

    /** Its caller's deadline passed before its event was handed to an environment; it never ran. */
    public void expire(Instant deadline, Duration initDuration, Instant at) {
        require(!status.isFinal(), "EXPIRED");
        endWithoutResult(InvocationStatus.EXPIRED, "Coordinator.DeadlineExpired",
                "its caller's deadline " + deadline + " passed before it ran", initDuration, at);
    }

    /** When the latest attempt was handed to the resource manager, and its event to the environment. */
    public void attemptSteps(Instant dispatchedAt, Instant handedOverAt) {
        this.dispatchedAt = dispatchedAt;
        this.handedOverAt = handedOverAt;
    }

    private void endWithoutResult(InvocationStatus end, String type, String message, Duration initDuration,
            Instant at) {
        this.result = null;
        this.errorSource = ErrorSource.COORDINATOR;
        this.errorType = type;
        this.errorMessage = truncate(message, 4096);
        this.errorBody = null;
        finish(end, initDuration, at);
    }

    private void finish(InvocationStatus end, Duration initDuration, Instant at) {
        this.status = end;
        this.finishedAt = at;
        this.initDurationMs = initDuration.isZero() ? null : initDuration.toMillis();
    }

    private void require(boolean allowed, String to) {
        if (!allowed) {
            throw new IllegalTransitionException(id, status, to);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    public String id() { return id; }
    public String taskName() { return taskName; }
    public int taskVersion() { return taskVersion; }
    public Mode mode() { return mode; }
    public InvocationStatus status() { return status; }
    public byte[] payload() { return payload; }
    public byte[] result() { return result; }
    public ErrorSource errorSource() { return errorSource; }
    public String errorType() { return errorType; }
    public String errorMessage() { return errorMessage; }
    public byte[] errorBody() { return errorBody; }
    public String environmentId() { return environmentId; }
    public StartKind startKind() { return startKind; }
    /** What the latest attempt's environment really ran with; null before it started. */
    public EnvironmentPolicy.Isolation isolation() { return isolation; }
    public Long initDurationMs() { return initDurationMs; }
    public Instant acceptedAt() { return acceptedAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public int attempt() { return attempt; }
    public Instant queuedAt() { return queuedAt; }
    public String deadLetterReason() { return deadLetterReason; }
    public String replayOf() { return replayOf; }
    public String idempotencyKey() { return idempotencyKey; }
    public String payloadSha256() { return payloadSha256; }
    public Instant deadlineAt() { return deadlineAt; }
    /** When its client asked to stop it while it ran; null unless asked. */
    public Instant cancelRequestedAt() { return cancelRequestedAt; }
    /** Notes its client's request to stop it, as {@link InvocationRepository#requestCancel} writes it. */
    public void cancelRequested(Instant at) { this.cancelRequestedAt = at; }
    public int priority() { return priority; }
    public Instant dispatchedAt() { return dispatchedAt; }
    public Instant handedOverAt() { return handedOverAt; }

    /** What caused the call, or null when a client made it. */
    public InvocationCause cause() {
        return causeSubscription == null && causeSource == null && causeTopic == null ? null
                : new InvocationCause(causeSubscription, causeSource, causeTopic);
    }
}
