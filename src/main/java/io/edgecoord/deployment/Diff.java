package io.edgecoord.deployment;

import java.util.List;

/**
 * What applying a bundle changes (or, in a dry run, would change), per kind.
 *
 * @param tasks tasks by name: created, given a new version, deleted
 * @param aliases aliases as {@code task:alias}: created, moved, deleted
 * @param subscriptions subscriptions as {@code source subject -> target}: created, deleted (never changed:
 *     a subscription is what it says)
 * @param deviceProfiles device profiles by name: created, replaced, deleted
 * @param devices devices by name: created, redefined, deleted
 * @param keys keys by id whose task patterns or topics changed (never created or deleted)
 */
record Diff(Changes tasks, Changes aliases, Changes subscriptions, Changes deviceProfiles, Changes devices,
        Changes keys) {

    Diff {
        // Entries of the history written before a kind existed have none of it.
        tasks = orNone(tasks);
        aliases = orNone(aliases);
        subscriptions = orNone(subscriptions);
        deviceProfiles = orNone(deviceProfiles);
        devices = orNone(devices);
        keys = orNone(keys);
    }

    /**
     * One kind's changes.
     *
     * @param created what did not exist
     * @param changed what existed and differs
     * @param deleted what existed and was pruned
     */
    record Changes(List<String> created, List<String> changed, List<String> deleted) {

        static final Changes NONE = new Changes(List.of(), List.of(), List.of());

        Changes {
            created = (created == null) ? List.of() : List.copyOf(created);
            changed = (changed == null) ? List.of() : List.copyOf(changed);
            deleted = (deleted == null) ? List.of() : List.copyOf(deleted);
        }

        boolean isEmpty() {
            return created.isEmpty() && changed.isEmpty() && deleted.isEmpty();
        }
    }

    boolean isEmpty() {
        return tasks.isEmpty() && aliases.isEmpty() && subscriptions.isEmpty() && deviceProfiles.isEmpty()
                && devices.isEmpty() && keys.isEmpty();
    }

    private static Changes orNone(Changes changes) {
        return (changes == null) ? Changes.NONE : changes;
    }
}
