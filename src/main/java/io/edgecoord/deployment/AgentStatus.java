package io.edgecoord.deployment;

import java.time.Instant;

/**
 * The outcome of the agent's last attempt, as {@code GET /api/v1/deployments/agent} shows it and the
 * report URL receives it.
 *
 * @param state what happened
 * @param source the source polled
 * @param etag what identified the bundle at the source
 * @param version the version applied (or, after a rollback, the version applied again)
 * @param detail why, in words
 * @param at when the attempt ended
 */
record AgentStatus(State state, String source, String etag, Integer version, String detail, Instant at) {

    /** One attempt's outcome. */
    enum State {
        /** The agent is off. */
        DISABLED,
        /** Nothing new at the source. */
        UNCHANGED,
        /** Applied and healthy through the health period. */
        APPLIED,
        /** Unsigned, or not signed by the configured key: not applied. */
        REFUSED,
        /** Signed, but invalid: not applied (nothing of it). */
        INVALID,
        /** The source could not be read. */
        UNREACHABLE,
        /** Applied, found unhealthy, and the previous version applied again. */
        ROLLED_BACK
    }
}
