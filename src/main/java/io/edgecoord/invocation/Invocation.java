package io.edgecoord.invocation;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Table;

import org.springframework.data.domain.Persistable;

import io.edgecoord.execution.StartKind;

/**
 * The durable record of one call of a task. Changes state only through the named transitions,
 * which refuse what the lifecycle does not allow: QUEUED → RUNNING → SUCCEEDED | FAILED |
 * TIMED_OUT, or QUEUED → FAILED when it never started. An asynchronous call that failed goes back
 * to QUEUED for its next attempt ({@link #retryAt}), keeping the last error, or ends
 * DEAD_LETTERED ({@link #deadLetter}); one record covers all attempts of a call.
 */
@Entity
@Table(name = "invocation")
class Invocation implements Persistable<String> {

    /** Ids are assigned here, so saving a new record must not look it up first. */
    @Transient
    private boolean isNew = true;

    enum Mode { SYNC, ASYNC }

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

    protected Invocation() {
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostLoad
    @PostPersist
    void markPersisted() {
        isNew = false;
    }

    static Invocation accept(String id, String taskName, int taskVersion, Mode mode, byte[] payload, Instant at) {
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
        return invocation;
    }

    /** Accepts a call the coordinator makes by itself, recording what caused it. */
    static Invocation accept(String id, String taskName, int taskVersion, Mode mode, byte[] payload, Instant at,
            InvocationCause cause) {
        Invocation invocation = accept(id, taskName, taskVersion, mode, payload, at);
        if (cause != null) {
            invocation.causeSubscription = cause.subscription();
            invocation.causeSource = cause.source();
            invocation.causeTopic = cause.topic();
        }
        return invocation;
    }

    /** Marks a new record as a replay of a dead-lettered one. */
    Invocation replaying(String deadLetteredId) {
        this.replayOf = deadLetteredId;
        return this;
    }

    /** Binds a new record to a client's idempotency key and the sha256 (hex) of its payload. */
    Invocation idempotent(String key, String sha256) {
        this.idempotencyKey = key;
        this.payloadSha256 = sha256;
        return this;
    }

    /** Frees the idempotency key once its window has passed, so a new call may use it. */
    void releaseIdempotencyKey() {
        this.idempotencyKey = null;
    }

    /** A failed attempt of an asynchronous call will be tried again at {@code at}; its error stays. */
    void retryAt(Instant at) {
        require(mode == Mode.ASYNC && (status == InvocationStatus.FAILED || status == InvocationStatus.TIMED_OUT),
                "QUEUED");
        this.status = InvocationStatus.QUEUED;
        this.attempt++;
        this.queuedAt = at;
        this.environmentId = null;
        this.startKind = null;
        this.initDurationMs = null;
        this.startedAt = null;
        this.finishedAt = null;
    }

    /** A failed asynchronous call is given up, for the reason named; its last error stays. */
    void deadLetter(String reason, Instant at) {
        require(mode == Mode.ASYNC && (status == InvocationStatus.FAILED || status == InvocationStatus.TIMED_OUT),
                "DEAD_LETTERED");
        this.status = InvocationStatus.DEAD_LETTERED;
        this.deadLetterReason = reason;
        this.finishedAt = at;
    }

    void start(String environmentId, StartKind startKind, Instant at) {
        require(status == InvocationStatus.QUEUED, "RUNNING");
        this.status = InvocationStatus.RUNNING;
        this.environmentId = environmentId;
        this.startKind = startKind;
        this.startedAt = at;
    }

    void succeed(byte[] result, Duration initDuration, Instant at) {
        require(status == InvocationStatus.RUNNING, "SUCCEEDED");
        this.result = result;
        this.errorSource = null;
        this.errorType = null;
        this.errorMessage = null;
        this.errorBody = null;
        finish(InvocationStatus.SUCCEEDED, initDuration, at);
    }

    void fail(ErrorSource source, String type, String message, byte[] body, Duration initDuration, Instant at) {
        require(!status.isFinal(), "FAILED");
        this.errorSource = source;
        this.errorType = type;
        this.errorMessage = truncate(message, 4096);
        this.errorBody = body;
        finish(InvocationStatus.FAILED, initDuration, at);
    }

    void timeOut(Duration timeout, Duration initDuration, Instant at) {
        require(status == InvocationStatus.RUNNING, "TIMED_OUT");
        this.errorSource = ErrorSource.FUNCTION;
        this.errorType = "Function.TimedOut";
        this.errorBody = null;
        this.errorMessage = "Task timed out after " + timeout.toMillis() / 1000.0 + " seconds";
        finish(InvocationStatus.TIMED_OUT, initDuration, at);
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

    String id() { return id; }
    String taskName() { return taskName; }
    int taskVersion() { return taskVersion; }
    Mode mode() { return mode; }
    InvocationStatus status() { return status; }
    byte[] payload() { return payload; }
    byte[] result() { return result; }
    ErrorSource errorSource() { return errorSource; }
    String errorType() { return errorType; }
    String errorMessage() { return errorMessage; }
    byte[] errorBody() { return errorBody; }
    String environmentId() { return environmentId; }
    StartKind startKind() { return startKind; }
    Long initDurationMs() { return initDurationMs; }
    Instant acceptedAt() { return acceptedAt; }
    Instant startedAt() { return startedAt; }
    Instant finishedAt() { return finishedAt; }
    int attempt() { return attempt; }
    Instant queuedAt() { return queuedAt; }
    String deadLetterReason() { return deadLetterReason; }
    String replayOf() { return replayOf; }
    String idempotencyKey() { return idempotencyKey; }
    String payloadSha256() { return payloadSha256; }

    /** What caused the call, or null when a client made it. */
    InvocationCause cause() {
        return causeSubscription == null && causeSource == null && causeTopic == null ? null
                : new InvocationCause(causeSubscription, causeSource, causeTopic);
    }
}
