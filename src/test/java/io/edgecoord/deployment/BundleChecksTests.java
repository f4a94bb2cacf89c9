package io.edgecoord.deployment;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.edgecoord.routing.SubscriptionBundles.Spec;
import io.edgecoord.routing.SubscriptionBundles.Stored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleChecksTests {

    private static final Spec ROUTE = new Spec("devices", "devices/+/readings", "task:a", null);

    @Test
    void aSubscriptionMayTargetATaskOfTheBundleOrOneDeployedAlready() {
        BundleChecks.check(new Bundle(false, List.of(Map.of("name", "a")), List.of(), List.of(ROUTE)), List.of());
        BundleChecks.check(new Bundle(false, List.of(), List.of(), List.of(ROUTE)), List.of("a"));
    }

    @Test
    void aSubscriptionToATaskThatWillNotExistIsRefusedNamingIt() {
        assertThatThrownBy(() -> BundleChecks.check(new Bundle(true, List.of(), List.of(), List.of(ROUTE)), List.of("a")))
            .isInstanceOfSatisfying(InvalidBundleException.class,
                    (ex) -> assertThat(ex.getBody().getProperties()).containsEntry("item", "subscriptions[0].target"));
    }

    @Test
    void aTaskNamedTwiceIsRefused() {
        assertThatThrownBy(() -> BundleChecks.check(
                new Bundle(false, List.of(Map.of("name", "a"), Map.of("name", "a")), List.of(), List.of()), List.of()))
            .hasMessageContaining("tasks[1]");
    }

    @Test
    void subscriptionsAreCreatedWhenNewAndDeletedOnlyWhenPruning() {
        Spec old = new Spec("schedule", null, "task:a", "0 * * * * *");
        List<Stored> stored = List.of(new Stored("s1", old));

        assertThat(SubscriptionPlan.of(stored, List.of(ROUTE), false))
            .isEqualTo(new SubscriptionPlan(List.of(ROUTE), List.of()));
        assertThat(SubscriptionPlan.of(stored, List.of(ROUTE, old), true))
            .isEqualTo(new SubscriptionPlan(List.of(ROUTE), List.of()));
        assertThat(SubscriptionPlan.of(stored, List.of(), true)).isEqualTo(new SubscriptionPlan(List.of(), stored));
    }

    @Test
    void codeUrlsMayNameOnlyAllowedHostsOverHttp() {
        List<String> hosts = List.of("127.0.0.1", "bundles.example:8443");
        assertThat(CodeFetcher.allowed(java.net.URI.create("http://127.0.0.1:9000/a.zip"), hosts)).isTrue();
        assertThat(CodeFetcher.allowed(java.net.URI.create("https://bundles.example:8443/a.zip"), hosts)).isTrue();
        assertThat(CodeFetcher.allowed(java.net.URI.create("https://bundles.example/a.zip"), hosts)).isFalse();
        assertThat(CodeFetcher.allowed(java.net.URI.create("file:///etc/passwd"), hosts)).isFalse();
        assertThat(CodeFetcher.allowed(java.net.URI.create("http://10.0.0.1/a.zip"), hosts)).isFalse();
    }
}
