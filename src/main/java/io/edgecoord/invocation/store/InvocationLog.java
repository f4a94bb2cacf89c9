package io.edgecoord.invocation.store;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.edgecoord.persistence.AssignedIdEntity;

/** What a function printed during one invocation, bounded; written once and never changed. */
@Entity
@Table(name = "invocation_log")
public class InvocationLog extends AssignedIdEntity {

    @Id
    private String invocationId;
    private String text;
    private boolean truncated;
    /** The text's size in UTF-8, which retention sums for the logs' total bound. */
    private long sizeBytes;

    protected InvocationLog() {
    }

    @Override
    public String getId() {
        return invocationId;
    }

    public InvocationLog(String invocationId, String text, boolean truncated) {
        this.invocationId = invocationId;
        this.text = text;
        this.truncated = truncated;
        this.sizeBytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    public String text() { return text; }
    public boolean truncated() { return truncated; }
}
