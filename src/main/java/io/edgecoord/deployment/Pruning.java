package io.edgecoord.deployment;

import java.util.Set;

/**
 * Which resources that a bundle does not name it deletes: every one when it prunes; for a
 * rollback, also those that bundles after the version rolled back to created, so that the state
 * it restores is the one that version left (a pure decision over resource keys such as
 * {@code task:thermostat}, {@code device:boiler}).
 *
 * @param all whether the bundle prunes
 * @param createdLater resources later bundles created, deleted unless the bundle names them
 */
record Pruning(boolean all, Set<String> createdLater) {

    Pruning {
        createdLater = Set.copyOf(createdLater);
    }

    static Pruning of(Bundle bundle) {
        return new Pruning(bundle.prune(), Set.of());
    }

    /** Whether a resource the bundle does not name goes. */
    boolean removes(String resource) {
        return this.all || this.createdLater.contains(resource);
    }

    /**
     * As {@link #removes(String)}, for a kind that a pruning bundle deletes only when it has the
     * kind's section ({@code sectionGiven}); a rollback removes what later bundles created whatever.
     */
    boolean removes(String resource, boolean sectionGiven) {
        return (this.all && sectionGiven) || this.createdLater.contains(resource);
    }
}
