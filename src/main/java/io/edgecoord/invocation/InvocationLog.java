package io.edgecoord.invocation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import jakarta.persistence.Table;

import org.springframework.data.domain.Persistable;

/** What a function printed during one invocation, bounded; written once and never changed. */
@Entity
@Table(name = "invocation_log")
class InvocationLog implements Persistable<String> {

    /** Ids are assigned here, so saving a new record must not look it up first. */
    @Transient
    private boolean isNew = true;

    @Id
    private String invocationId;
    private String text;
    private boolean truncated;

    protected InvocationLog() {
    }

    @Override
    public String getId() {
        return invocationId;
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

    InvocationLog(String invocationId, String text, boolean truncated) {
        this.invocationId = invocationId;
        this.text = text;
        this.truncated = truncated;
    }

    String text() { return text; }
    boolean truncated() { return truncated; }
}
