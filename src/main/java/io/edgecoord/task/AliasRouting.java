package io.edgecoord.task;

import java.time.Instant;

/**
 * Where an alias sends its task's calls: to {@code version}, or, with a canary, a share
 * {@code additionalWeight} (0..1) of them to {@code additionalVersion}.
 *
 * @param task the task's name
 * @param alias the alias's name
 * @param version the version it names
 * @param additionalVersion the canary's version, or {@code null}
 * @param additionalWeight the share of calls the canary gets, 0..1, or {@code null} without one
 * @param createdAt when the alias was created ({@code null} before it is stored)
 * @param updatedAt when it last changed ({@code null} before it is stored)
 */
public record AliasRouting(String task, String alias, int version, Integer additionalVersion,
        Double additionalWeight, Instant createdAt, Instant updatedAt) {

    /** A routing to one version, or to two, not yet stored. */
    public static AliasRouting of(String task, String alias, int version, Integer additionalVersion,
            Double additionalWeight) {
        return new AliasRouting(task, alias, version, additionalVersion, additionalWeight, null, null);
    }

    /**
     * The version one call runs, given a uniform draw in [0, 1): the canary's when the draw falls
     * under its weight. A pure decision, so the split is tested without chance.
     */
    public int pick(double draw) {
        return (this.additionalVersion != null && draw < this.additionalWeight) ? this.additionalVersion
                : this.version;
    }
}
