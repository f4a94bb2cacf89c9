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
        Set<String> named = new HashSet<>();
        for (int i = 0; i < bundle.tasks().size(); i++) {
            if (!named.add(bundle.taskName(i))) {
                throw new InvalidBundleException("tasks[" + i + "]", "task '" + bundle.taskName(i)
                        + "' is named twice.");
            }
        }
        Set<String> after = new HashSet<>(named);
        if (!bundle.prune()) {
            after.addAll(existingTasks);
        }
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
            if (spec.target().startsWith("task:") && !after.contains(spec.target().substring(5))) {
                throw new InvalidBundleException(at + ".target", "no task '" + spec.target().substring(5)
                        + "' is in the bundle" + (bundle.prune() ? "" : " or deployed") + ".");
            }
        }
    }
}
