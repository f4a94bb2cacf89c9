package io.edgecoord.deployment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.edgecoord.routing.SubscriptionBundles.Spec;

/**
 * A parsed configuration bundle.
 *
 * @param prune whether what the bundle does not name is deleted
 * @param tasks task definitions, each the body of {@code POST /api/v1/tasks} (code inline, as
 *     {@code zipBase64}, or by {@code url} and {@code sha256})
 * @param aliases aliases of the bundle's tasks or of tasks deployed already
 * @param subscriptions subscriptions, known by what they say
 * @param deviceProfiles device profiles, each the body of {@code POST /api/v1/device-profiles}
 * @param devices devices, each the body of {@code POST /api/v1/devices}
 * @param keys what existing keys may reach (never a secret)
 * @param sections the top-level fields the document gives, even empty: a pruning bundle deletes
 *     the device profiles or devices it does not name only when it has that section, so that a
 *     pruning bundle written before bundles carried devices leaves them alone
 */
record Bundle(boolean prune, List<Map<String, Object>> tasks, List<AliasSpec> aliases, List<Spec> subscriptions,
        List<Map<String, Object>> deviceProfiles, List<Map<String, Object>> devices, List<KeySpec> keys,
        Set<String> sections) {

    Bundle {
        tasks = List.copyOf(tasks);
        aliases = List.copyOf(aliases);
        subscriptions = List.copyOf(subscriptions);
        deviceProfiles = List.copyOf(deviceProfiles);
        devices = List.copyOf(devices);
        keys = List.copyOf(keys);
        sections = Set.copyOf(sections);
    }

    /** A bundle of tasks, aliases and subscriptions only. */
    Bundle(boolean prune, List<Map<String, Object>> tasks, List<AliasSpec> aliases, List<Spec> subscriptions) {
        this(prune, tasks, aliases, subscriptions, List.of(), List.of(), List.of(),
                Set.of("tasks", "aliases", "subscriptions"));
    }

    /** The name of task {@code index}, as a bundle item path names it. */
    String taskName(int index) {
        return name(this.tasks.get(index));
    }

    /** The {@code name} of a task, profile or device item; empty when it has none. */
    static String name(Map<String, Object> item) {
        return (item.get("name") instanceof String text) ? text : "";
    }
}
