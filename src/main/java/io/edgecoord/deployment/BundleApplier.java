package io.edgecoord.deployment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

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
 * Runtime effects (prewarm, routes, schedules, device polling, keys in force) follow the commit through the modules' own
 * after-commit listeners. One bundle at a time.
 */
@Service
class BundleApplier {

    private final TaskBundles tasks;
    private final TaskChanges taskChanges;
    private final DeviceChanges devices;
    private final KeyChanges keys;
    private final SubscriptionBundles subscriptions;
    private final CodeFetcher code;
    private final BundledAliases aliases;
    private final DeploymentRepository history;
    private final ManagedResourceRepository managed;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    BundleApplier(TaskBundles tasks, TaskChanges taskChanges, DeviceChanges devices, KeyChanges keys,
            SubscriptionBundles subscriptions, CodeFetcher code, BundledAliases aliases, DeploymentRepository history,
            ManagedResourceRepository managed, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.tasks = tasks;
        this.taskChanges = taskChanges;
        this.devices = devices;
        this.keys = keys;
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
     * @param rolledBackFrom the version whose document this is, for a rollback: then what later
     *     bundles created and that document does not name is deleted too, so that the state is that
     *     version's again
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
                Pruning pruning = pruning(bundle, rolledBackFrom);
                BundleChecks.check(bundle, existing, pruning);
                SubscriptionPlan plan = SubscriptionPlan.of(this.subscriptions.list(), bundle.subscriptions(), pruning);
                Diff diff = change(bundle, resolved, existing, plan, pruning);
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
            SubscriptionPlan plan, Pruning pruning) {
        List<String> deletedRoutes = new ArrayList<>();
        for (Stored stale : plan.delete()) {
            this.subscriptions.delete(stale.id());
            deletedRoutes.add(SubscriptionPlan.describe(stale.spec()));
        }
        DeviceChanges.Result devices = this.devices.apply(bundle, pruning);
        Diff.Changes taskChanges = this.taskChanges.apply(bundle, resolved, existing, pruning);
        Diff.Changes aliasChanges = this.aliases.apply(bundle, TaskChanges.remaining(bundle, existing, taskChanges),
                pruning);
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
        return new Diff(taskChanges, aliasChanges, new Diff.Changes(createdRoutes, List.of(), deletedRoutes),
                devices.profiles(), devices.devices(), this.keys.apply(bundle));
    }

    /** What a rollback to {@code version} removes besides what it prunes: what later bundles created. */
    private Pruning pruning(Bundle bundle, Integer rolledBackTo) {
        if (rolledBackTo == null) {
            return Pruning.of(bundle);
        }
        return new Pruning(bundle.prune(), this.managed.findAll().stream()
            .filter((m) -> m.createdBy() > rolledBackTo).map(ManagedResource::getId).collect(Collectors.toSet()));
    }

    /** Marks what this version created, so an operator can tell bundle-made resources from hand-made ones. */
    private void mark(Diff diff, int version) {
        diff.tasks().created().forEach((name) -> this.managed.save(new ManagedResource("task:" + name, version)));
        diff.tasks().deleted().forEach((name) -> this.managed.deleteById("task:" + name));
        diff.aliases().created().forEach((a) -> this.managed.save(new ManagedResource("alias:" + a, version)));
        diff.aliases().deleted().forEach((a) -> this.managed.deleteById("alias:" + a));
        diff.subscriptions().created().forEach((s) -> this.managed.save(new ManagedResource("subscription:" + s, version)));
        diff.subscriptions().deleted().forEach((s) -> this.managed.deleteById("subscription:" + s));
        diff.deviceProfiles().created().forEach((p) -> this.managed.save(new ManagedResource("profile:" + p, version)));
        diff.deviceProfiles().deleted().forEach((p) -> this.managed.deleteById("profile:" + p));
        diff.devices().created().forEach((d) -> this.managed.save(new ManagedResource("device:" + d, version)));
        diff.devices().deleted().forEach((d) -> this.managed.deleteById("device:" + d));
    }

    static String item(Bundle bundle, int index) {
        return "tasks[" + index + "] (" + bundle.taskName(index) + ")";
    }
}
