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
 * TIMED_OUT, or QUEUED → FAILED when it never started.
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

    /** What caused the call, or null when a client made it. */
    InvocationCause cause() {
        return causeSubscription == null && causeSource == null && causeTopic == null ? null
                : new InvocationCause(causeSubscription, causeSource, causeTopic);
    }
}
