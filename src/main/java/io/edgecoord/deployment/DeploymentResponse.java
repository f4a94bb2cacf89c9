package io.edgecoord.deployment;

import java.time.Instant;

/**
 * An applied bundle in the history, or the answer of a dry run.
 *
 * @param version the bundle's version; {@code null} for a dry run
 * @param dryRun whether nothing was applied
 * @param keyId the id of the key that applied it
 * @param appliedAt when it was applied
 * @param rolledBackFrom for a rollback, the earlier version applied again
 * @param diff what it changed (or would change)
 */
record DeploymentResponse(Integer version, boolean dryRun, String keyId, Instant appliedAt, Integer rolledBackFrom,
        Diff diff) {

    static DeploymentResponse dryRun(Diff diff) {
        return new DeploymentResponse(null, true, null, null, null, diff);
    }

    static DeploymentResponse of(DeploymentRecord record, Diff diff) {
        return new DeploymentResponse(record.version(), false, record.keyId(), record.appliedAt(),
                record.rolledBackFrom(), diff);
    }
}
