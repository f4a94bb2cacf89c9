package io.edgecoord.deployment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.edgecoord.routing.SubscriptionBundles.Spec;

/** The checks of a whole bundle against what exists: a pure function, run before anything is applied. */
final class BundleChecks {

    private BundleChecks() {
    }

    /**
     * Refuses a bundle with a task named twice, or a subscription or an alias of a task that will not exist once
     * it is applied (neither in the bundle nor kept from before).
     *
     * @param existingTasks the tasks deployed now
     * @throws InvalidBundleException naming the first bad item
     */
    static void check(Bundle bundle, List<String> existingTasks) {
        check(bundle, existingTasks, Pruning.of(bundle));
    }

    /** As {@link #check(Bundle, List)}, for a bundle whose deletions {@code pruning} decides. */
    static void check(Bundle bundle, List<String> existingTasks, Pruning pruning) {
        Set<String> named = unique(bundle.tasks(), "tasks", "task");
        unique(bundle.deviceProfiles(), "deviceProfiles", "device profile");
        unique(bundle.devices(), "devices", "device");
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < bundle.keys().size(); i++) {
            if (!keys.add(bundle.keys().get(i).id())) {
                throw new InvalidBundleException("keys[" + i + "]", "key '" + bundle.keys().get(i).id()
                        + "' is named twice.");
            }
        }
        Set<String> after = new HashSet<>(named);
        existingTasks.stream().filter((t) -> !pruning.removes("task:" + t)).forEach(after::add);
        Set<String> aliases = new HashSet<>();
        for (int i = 0; i < bundle.aliases().size(); i++) {
            AliasSpec alias = bundle.aliases().get(i);
            if (!after.contains(alias.task())) {
                throw new InvalidBundleException("aliases[" + i + "].task", "no task '" + alias.task()
                        + "' is in the bundle" + (bundle.prune() ? "" : " or deployed") + ".");
            }
            if (!aliases.add(alias.describe())) {
                throw new InvalidBundleException("aliases[" + i + "]", "alias '" + alias.describe() + "' is named twice.");
            }
        }
        Set<Spec> seen = new HashSet<>();
        for (int i = 0; i < bundle.subscriptions().size(); i++) {
            Spec spec = bundle.subscriptions().get(i);
            String at = "subscriptions[" + i + "]";
            if (spec.source() == null || spec.target() == null) {
                throw new InvalidBundleException(at, "needs a 'source' and a 'target'.");
            }
            if (!seen.add(spec)) {
                throw new InvalidBundleException(at, "the same subscription is listed twice.");
            }
            String task = targetTask(spec.target());
            if (task != null && !after.contains(task)) {
                throw new InvalidBundleException(at + ".target", "no task '" + task
                        + "' is in the bundle" + (bundle.prune() ? "" : " or deployed") + ".");
            }
        }
    }

    /** The task a {@code task:<name>} or {@code function:<name>} target names, else {@code null}. */
    private static String targetTask(String target) {
        if (target.startsWith("task:")) {
            return target.substring(5);
        }
        return target.startsWith("function:") ? target.substring(9) : null;
    }

    private static Set<String> unique(List<java.util.Map<String, Object>> items, String field, String kind) {
        Set<String> named = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String name = Bundle.name(items.get(i));
            if (!named.add(name)) {
                throw new InvalidBundleException(field + "[" + i + "]", kind + " '" + name + "' is named twice.");
            }
        }
        return named;
    }
}
