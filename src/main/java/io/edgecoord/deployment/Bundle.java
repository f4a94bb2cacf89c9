package io.edgecoord.deployment;

import java.util.List;
import java.util.Map;

import io.edgecoord.routing.SubscriptionBundles.Spec;

/**
 * A parsed configuration bundle.
 *
 * @param prune whether what the bundle does not name is deleted
 * @param tasks task definitions, each the body of {@code POST /api/v1/tasks} (code inline, as
 *     {@code zipBase64}, or by {@code url} and {@code sha256})
 * @param aliases aliases of the bundle's tasks or of tasks deployed already
 * @param subscriptions subscriptions, known by what they say
 */
record Bundle(boolean prune, List<Map<String, Object>> tasks, List<AliasSpec> aliases, List<Spec> subscriptions) {

    Bundle {
        tasks = List.copyOf(tasks);
        aliases = List.copyOf(aliases);
        subscriptions = List.copyOf(subscriptions);
    }

    /** The name of task {@code index}, as a bundle item path names it. */
    String taskName(int index) {
        Object name = this.tasks.get(index).get("name");
        return (name instanceof String text) ? text : "";
    }
}
