package io.edgecoord.deployment;

import org.junit.jupiter.api.Test;

import io.edgecoord.routing.SubscriptionBundles.Spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundleParserTests {

    @Test
    void readsYamlAndJsonAlike() {
        Bundle yaml = BundleParser.parse("""
                prune: true
                tasks:
                  - name: a
                    runtime: python3.11
                subscriptions:
                  - source: schedule
                    target: task:a
                    schedule: "0 * * * * *"
                """);
        Bundle json = BundleParser.parse("""
                {"prune": true, "tasks": [{"name": "a", "runtime": "python3.11"}],
                 "subscriptions": [{"source": "schedule", "target": "task:a", "schedule": "0 * * * * *"}]}""");

        assertThat(yaml).isEqualTo(json);
        assertThat(yaml.subscriptions()).containsExactly(new Spec("schedule", null, "task:a", "0 * * * * *"));
        assertThat(yaml.taskName(0)).isEqualTo("a");
    }

    @Test
    void refusesUnknownFieldsNamingThem() {
        assertThatThrownBy(() -> BundleParser.parse("taks: []")).hasMessageContaining("taks");
        assertThatThrownBy(() -> BundleParser.parse("subscriptions: [{source: devices, targte: x}]"))
            .hasMessageContaining("subscriptions[0].targte");
        assertThatThrownBy(() -> BundleParser.parse("tasks: [{runtime: python3.11}]")).hasMessageContaining("tasks[0]");
    }

    @Test
    void saysWhichKindsItCannotDeployYet() {
        assertThatThrownBy(() -> BundleParser.parse("devices: []")).hasMessageContaining("does not deploy devices");
    }
}
