package io.edgecoord.deployment;

import java.util.List;

/**
 * What applying a bundle changes (or, in a dry run, would change), per kind.
 *
 * @param tasks tasks by name: created, given a new version, deleted
 * @param aliases aliases as {@code task:alias}: created, moved, deleted
 * @param subscriptions subscriptions as {@code source subject -> target}: created, deleted (never changed:
 *     a subscription is what it says)
 */
record Diff(Changes tasks, Changes aliases, Changes subscriptions) {

    /**
     * One kind's changes.
     *
     * @param created what did not exist
     * @param changed what existed and differs
     * @param deleted what existed and was pruned
     */
    record Changes(List<String> created, List<String> changed, List<String> deleted) {

        Changes {
            created = List.copyOf(created);
            changed = List.copyOf(changed);
            deleted = List.copyOf(deleted);
        }

        boolean isEmpty() {
            return created.isEmpty() && changed.isEmpty() && deleted.isEmpty();
        }
    }

    boolean isEmpty() {
        return tasks.isEmpty() && aliases.isEmpty() && subscriptions.isEmpty();
    }
}
