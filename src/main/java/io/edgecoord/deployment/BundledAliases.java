package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import io.edgecoord.task.AliasRouting;
import io.edgecoord.task.TaskAliases;
import io.edgecoord.task.TaskCatalog;

/** Puts a bundle's aliases through the task module's {@link TaskAliases}, in the caller's transaction. */
@Component
class BundledAliases {

    private final TaskAliases aliases;

    private final TaskCatalog catalog;

    BundledAliases(TaskAliases aliases, TaskCatalog catalog) {
        this.aliases = aliases;
        this.catalog = catalog;
    }

    /**
     * Creates or moves every alias of the bundle and deletes the other aliases of the tasks that
     * stay that {@code pruning} removes.
     *
     * @param tasks the tasks there are once the bundle's tasks are applied
     */
    Diff.Changes apply(Bundle bundle, List<String> tasks, Pruning pruning) {
        List<String> created = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < bundle.aliases().size(); i++) {
            AliasSpec spec = bundle.aliases().get(i);
            try {
                AliasRouting wanted = AliasRouting.of(spec.task(), spec.name(), version(spec),
                        spec.additionalVersion(), spec.additionalWeight());
                Optional<AliasRouting> before = this.aliases.find(spec.task(), spec.name());
                if (before.isPresent() && same(before.get(), wanted)) {
                    continue;
                }
                this.aliases.put(wanted);
                (before.isPresent() ? changed : created).add(spec.describe());
            }
            catch (ErrorResponseException ex) {
                throw new InvalidBundleException("aliases[" + i + "] (" + spec.describe() + ")", ex.getBody().getDetail());
            }
        }
        List<String> deleted = new ArrayList<>();
        Set<String> named = bundle.aliases().stream().map(AliasSpec::describe).collect(Collectors.toSet());
        for (String task : tasks) {
            for (AliasRouting stale : this.aliases.list(task)) {
                String name = stale.task() + ":" + stale.alias();
                if (!named.contains(name) && pruning.removes("alias:" + name)) {
                    this.aliases.delete(stale.task(), stale.alias());
                    deleted.add(name);
                }
            }
        }
        return new Diff.Changes(created, changed, deleted);
    }

    private int version(AliasSpec spec) {
        return AliasSpec.LATEST.equals(spec.version()) ? this.catalog.latest(spec.task()).version()
                : Integer.parseInt(spec.version());
    }

    private static boolean same(AliasRouting a, AliasRouting b) {
        return a.version() == b.version() && Objects.equals(a.additionalVersion(), b.additionalVersion())
                && Objects.equals(a.additionalWeight(), b.additionalWeight());
    }
}
