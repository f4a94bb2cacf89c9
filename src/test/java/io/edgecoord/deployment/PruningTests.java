package io.edgecoord.deployment;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.edgecoord.routing.SubscriptionBundles.Spec;
import io.edgecoord.routing.SubscriptionBundles.Stored;

import static org.assertj.core.api.Assertions.assertThat;

class PruningTests {

    @Test
    void aBundleThatDoesNotPruneRemovesNothing() {
        assertThat(new Pruning(false, Set.of()).removes("task:a")).isFalse();
        assertThat(new Pruning(true, Set.of()).removes("task:a")).isTrue();
    }

    @Test
    void aRollbackRemovesOnlyWhatLaterBundlesCreated() {
        Pruning rollback = new Pruning(false, Set.of("task:later", "device:d2"));

        assertThat(rollback.removes("task:later")).isTrue();
        assertThat(rollback.removes("device:d2")).isTrue();
        assertThat(rollback.removes("task:by-hand")).isFalse();
    }

    @Test
    void aPruningBundleDeletesDevicesOnlyWhenItHasTheirSectionButARollbackRemovesLaterOnesWhatever() {
        assertThat(new Pruning(true, Set.of()).removes("device:d", false)).isFalse();
        assertThat(new Pruning(true, Set.of()).removes("device:d", true)).isTrue();
        assertThat(new Pruning(false, Set.of("device:d")).removes("device:d", false)).isTrue();
        assertThat(BundleParser.parse("prune: true\ndevices: []").sections()).contains("devices");
        assertThat(BundleParser.parse("prune: true\ntasks: []").sections()).doesNotContain("devices");
    }

    @Test
    void aRollbackDeletesTheSubscriptionsLaterBundlesCreatedAndKeepsTheOthers() {
        Spec later = new Spec("devices", "devices/+/readings/t", "task:b", null);
        Spec byHand = new Spec("devices", "devices/+/readings/h", "task:b", null);
        Pruning rollback = new Pruning(false, Set.of("subscription:" + SubscriptionPlan.describe(later)));

        SubscriptionPlan plan = SubscriptionPlan.of(List.of(new Stored("1", later), new Stored("2", byHand)), List.of(),
                rollback);

        assertThat(plan.delete()).extracting(Stored::id).containsExactly("1");
    }

    @Test
    void aRollbackChecksReferencesAgainstTheTasksThatStay() {
        Bundle bundle = new Bundle(false, List.of(), List.of(),
                List.of(new Spec("schedule", null, "task:later", "0 0 0 1 1 *")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BundleChecks.check(bundle, List.of("later"),
                new Pruning(false, Set.of("task:later")))).hasMessageContaining("subscriptions[0].target");
    }
}
