package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.task.TaskBundles;

/** Puts a bundle's tasks through the task module's {@link TaskBundles}, in the caller's transaction. */
@Component
class TaskChanges {

    private final TaskBundles tasks;

    TaskChanges(TaskBundles tasks) {
        this.tasks = tasks;
    }

    /**
     * Deploys every task of the bundle (code resolved already) and deletes the tasks it does not
     * name that {@code pruning} removes.
     *
     * @param existing the tasks before the bundle
     */
    Diff.Changes apply(Bundle bundle, List<Map<String, Object>> resolved, List<String> existing, Pruning pruning) {
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < resolved.size(); i++) {
            String name = bundle.taskName(i);
            try {
                if (this.tasks.deploy(resolved.get(i))) {
                    (existing.contains(name) ? changed : created).add(name);
                }
            }
            catch (ErrorResponseException ex) {
                throw new InvalidBundleException(BundleApplier.item(bundle, i), ex.getBody().getDetail());
            }
        }
        List<String> named = bundle.tasks().stream().map(Bundle::name).toList();
        List<String> deleted = existing.stream().filter((n) -> !named.contains(n) && pruning.removes("task:" + n)).toList();
        deleted.forEach(this.tasks::delete);
        return new Diff.Changes(created, changed, deleted);
    }

    /** The tasks there are once the bundle is applied: its own, then those kept from before. */
    static List<String> remaining(Bundle bundle, List<String> existing, Diff.Changes changes) {
        List<String> remaining = new ArrayList<>(bundle.tasks().stream().map(Bundle::name).toList());
        existing.stream().filter((n) -> !changes.deleted().contains(n) && !remaining.contains(n)).forEach(remaining::add);
        return remaining;
    }
}
