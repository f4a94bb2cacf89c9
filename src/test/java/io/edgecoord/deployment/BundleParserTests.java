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
    void readsDeviceProfilesDevicesAndKeysLimits() {
        Bundle bundle = BundleParser.parse("""
                deviceProfiles: [{name: meter, resources: [{name: t, valueType: FLOAT32}]}]
                devices: [{name: m1, profile: meter}]
                keys: [{id: AKIDEXAMPLE, tasks: ["sensor-*"], topics: {publish: [a/#]}}]
                """);

        assertThat(Bundle.name(bundle.deviceProfiles().get(0))).isEqualTo("meter");
        assertThat(Bundle.name(bundle.devices().get(0))).isEqualTo("m1");
        assertThat(bundle.keys().get(0).tasks()).containsExactly("sensor-*");
        assertThat(bundle.keys().get(0).topics().publish()).containsExactly("a/#");
        assertThat(bundle.keys().get(0).topics().subscribe()).isEmpty();
    }

    @Test
    void refusesAKeyWithoutAnIdOrWithASecret() {
        assertThatThrownBy(() -> BundleParser.parse("keys: [{tasks: [a]}]")).hasMessageContaining("keys[0]");
        assertThatThrownBy(() -> BundleParser.parse("keys: [{id: A, secret: s}]")).hasMessageContaining("keys[0].secret");
        assertThatThrownBy(() -> BundleParser.parse("devices: [{profile: p}]")).hasMessageContaining("devices[0]");
    }
}
