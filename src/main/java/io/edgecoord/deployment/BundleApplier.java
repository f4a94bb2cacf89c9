package io.edgecoord.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.routing.SubscriptionBundles;
import io.edgecoord.routing.SubscriptionBundles.Spec;
import io.edgecoord.routing.SubscriptionBundles.Stored;
import io.edgecoord.task.TaskBundles;

/**
 * Applies a bundle: parsed and its code fetched and checked first, then every change in one
 * transaction with its history row, so that a bad item anywhere leaves nothing behind. A dry run
 * makes the same changes and rolls them back, so its diff is exactly what applying would do.
 * Runtime effects (prewarm, routes, schedules) follow the commit through the modules' own
 * after-commit listeners. One bundle at a time.
 */
@Service
class BundleApplier {

    private final TaskBundles tasks;
    private final SubscriptionBundles subscriptions;
    private final CodeFetcher code;
    private final BundledAliases aliases;
    private final DeploymentRepository history;
    private final ManagedResourceRepository managed;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    BundleApplier(TaskBundles tasks, SubscriptionBundles subscriptions, CodeFetcher code,
            BundledAliases aliases, DeploymentRepository history, ManagedResourceRepository managed, PlatformTransactionManager transactions,
            JsonMapper json, Clock clock) {
        this.tasks = tasks;
        this.subscriptions = subscriptions;
        this.code = code;
        this.aliases = aliases;
        this.history = history;
        this.managed = managed;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Applies (or with {@code dryRun} only diffs) a bundle document.
     *
     * @param keyId the calling key's id, kept in the history
     * @param rolledBackFrom the version whose document this is, for a rollback
     */
    DeploymentResponse apply(String document, boolean dryRun, String keyId, Integer rolledBackFrom) {
        Bundle bundle = BundleParser.parse(document);
        List<Map<String, Object>> resolved = new ArrayList<>();
        for (int i = 0; i < bundle.tasks().size(); i++) {
            resolved.add(this.code.resolve(bundle.tasks().get(i), item(bundle, i)));
        }
        this.lock.lock();
        try {
            return this.transaction.execute((status) -> {
                List<String> existing = this.tasks.names();
                BundleChecks.check(bundle, existing);
                SubscriptionPlan plan = SubscriptionPlan.of(this.subscriptions.list(), bundle.subscriptions(),
                        bundle.prune());
                Diff diff = change(bundle, resolved, existing, plan);
                if (dryRun) {
                    status.setRollbackOnly();
                    return DeploymentResponse.dryRun(diff);
                }
                int version = this.history.findTopByOrderByVersionDesc().map((r) -> r.version() + 1).orElse(1);
                DeploymentRecord saved = this.history.save(new DeploymentRecord(version, keyId,
                        this.clock.instant().truncatedTo(ChronoUnit.MICROS), document,
                        this.json.writeValueAsString(diff), rolledBackFrom));
                mark(diff, version);
                return DeploymentResponse.of(saved, diff);
            });
        }
        finally {
            this.lock.unlock();
        }
    }

    private Diff change(Bundle bundle, List<Map<String, Object>> resolved, List<String> existing,
            SubscriptionPlan plan) {
        List<String> deletedRoutes = new ArrayList<>();
        for (Stored stale : plan.delete()) {
            this.subscriptions.delete(stale.id());
            deletedRoutes.add(SubscriptionPlan.describe(stale.spec()));
        }
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
                throw new InvalidBundleException(item(bundle, i), ex.getBody().getDetail());
            }
        }
        List<String> named = bundle.tasks().stream().map((t) -> (String) t.get("name")).toList();
        List<String> deleted = bundle.prune() ? existing.stream().filter((n) -> !named.contains(n)).toList() : List.of();
        deleted.forEach(this.tasks::delete);
        List<String> remaining = new ArrayList<>(named);
        existing.stream().filter((n) -> !deleted.contains(n) && !named.contains(n)).forEach(remaining::add);
        Diff.Changes aliasChanges = this.aliases.apply(bundle, remaining);
        List<String> createdRoutes = new ArrayList<>();
        for (int i = 0; i < bundle.subscriptions().size(); i++) {
            Spec spec = bundle.subscriptions().get(i);
            if (plan.create().contains(spec)) {
                try {
                    this.subscriptions.create(spec);
                }
                catch (ErrorResponseException ex) {
                    throw new InvalidBundleException("subscriptions[" + i + "]", ex.getBody().getDetail());
                }
                createdRoutes.add(SubscriptionPlan.describe(spec));
            }
        }
        return new Diff(new Diff.Changes(created, changed, deleted), aliasChanges,
                new Diff.Changes(createdRoutes, List.of(), deletedRoutes));
    }

    /** Marks what this version created, so an operator can tell bundle-made resources from hand-made ones. */
    private void mark(Diff diff, int version) {
        diff.tasks().created().forEach((name) -> this.managed.save(new ManagedResource("task:" + name, version)));
        diff.tasks().deleted().forEach((name) -> this.managed.deleteById("task:" + name));
        diff.aliases().created().forEach((a) -> this.managed.save(new ManagedResource("alias:" + a, version)));
        diff.aliases().deleted().forEach((a) -> this.managed.deleteById("alias:" + a));
        diff.subscriptions().created().forEach((s) -> this.managed.save(new ManagedResource("subscription:" + s, version)));
        diff.subscriptions().deleted().forEach((s) -> this.managed.deleteById("subscription:" + s));
    }

    private static String item(Bundle bundle, int index) {
        return "tasks[" + index + "] (" + bundle.taskName(index) + ")";
    }
}
