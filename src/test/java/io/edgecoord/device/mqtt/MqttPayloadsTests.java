package io.edgecoord.device.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.polling.Connectivity;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.polling.ValueTransforms;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileDefaults;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ReadWrite;
import io.edgecoord.device.profile.ValueType;
import io.edgecoord.device.registry.MqttBinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MqttPayloadsTests {

    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    private final JsonMapper json = JsonMapper.builder().build();

    private final ProfileResource temperature = new ProfileResource("temperature", ValueType.FLOAT64, ReadWrite.R,
            "degC", null, null, 0.1, 0.0, null, Map.of("pointer", "/env/t"));

    private final ProfileResource setpoint = new ProfileResource("setpoint", ValueType.FLOAT64, ReadWrite.RW, "degC",
            5.0, 30.0, null, null, null, null);

    @Test
    void telemetryFieldsAreFoundAtEachResourcesPointer() throws Exception {
        Map<ProfileResource, JsonNode> raw = MqttPayloads.telemetry(json,
                bytes("{\"env\": {\"t\": 215}, \"setpoint\": 21.5, \"other\": 1}"), List.of(temperature, setpoint));

        assertThat(raw.get(temperature).intValue()).isEqualTo(215);
        assertThat(raw.get(setpoint).doubleValue()).isEqualTo(21.5);
        assertThat(new ValueTransforms(json).fromRaw(temperature, raw.get(temperature))).isEqualTo(21.5);
    }

    @Test
    void resourcesMissingOrNullInTheTelemetryAreLeftOut() throws Exception {
        Map<ProfileResource, JsonNode> raw = MqttPayloads.telemetry(json, bytes("{\"setpoint\": null}"),
                List.of(temperature, setpoint));

        assertThat(raw).isEmpty();
    }

    @Test
    void telemetryThatIsNoJsonObjectIsAProtocolError() {
        for (String payload : new String[] { "21.5 degrees", "[1, 2]", "" }) {
            assertThatThrownBy(() -> MqttPayloads.telemetry(json, bytes(payload), List.of(setpoint)))
                .isInstanceOfSatisfying(DeviceCallException.class,
                        (ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.PROTOCOL_ERROR));
        }
    }

    @Test
    void aCommandPutsRawValuesWhereTheTelemetryHasThem() {
        Map<ProfileResource, JsonNode> raw = new LinkedHashMap<>();
        raw.put(temperature, json.getNodeFactory().numberNode(200));
        raw.put(setpoint, json.getNodeFactory().numberNode(22.0));

        assertThat(MqttPayloads.command(json, raw).toString()).isEqualTo("{\"env\":{\"t\":200},\"setpoint\":22.0}");
    }

    @Test
    void telemetryConfirmsAWriteWhenEveryWrittenValueIsReportedBack() {
        Map<ProfileResource, JsonNode> written = Map.of(setpoint, json.getNodeFactory().numberNode(22.0));

        assertThat(MqttPayloads.confirms(written, Map.of(setpoint, json.getNodeFactory().numberNode(22)))).isTrue();
        assertThat(MqttPayloads.confirms(written, Map.of(setpoint, json.getNodeFactory().numberNode(21.5)))).isFalse();
        assertThat(MqttPayloads.confirms(written, Map.of(temperature, json.getNodeFactory().numberNode(22)))).isFalse();
    }

    @Test
    void aDeviceIsSilentOnceNothingCameForTheSilenceSinceItWasLastSeenOrWatched() {
        Duration silence = Duration.ofSeconds(30);

        assertThat(MqttPayloads.silent(null, T0, T0.plusSeconds(29), silence)).isFalse();
        assertThat(MqttPayloads.silent(null, T0, T0.plusSeconds(30), silence)).isTrue();
        assertThat(MqttPayloads.silent(T0.plusSeconds(20), T0, T0.plusSeconds(45), silence)).isFalse();
        assertThat(MqttPayloads.silent(T0.plusSeconds(20), T0, T0.plusSeconds(50), silence)).isTrue();
        assertThat(MqttPayloads.silent(T0.minusSeconds(100), T0, T0.plusSeconds(10), silence))
            .as("seen before a redefinition: counted from when it was watched again").isFalse();
    }

    @Test
    void silenceAndTheLastWillMakeADeviceOfflineOnce() {
        Connectivity online = Connectivity.unknown(T0).succeeded(T0).connectivity();

        Connectivity.Step silent = online.wentSilent(T0.plusSeconds(30), "SILENCE");
        assertThat(silent.transition()).contains(new Connectivity.Transition(ConnectivityStatus.ONLINE,
                ConnectivityStatus.OFFLINE, "SILENCE"));
        assertThat(silent.connectivity().wentSilent(T0.plusSeconds(31), "LAST_WILL").transition()).isEmpty();
        assertThat(silent.connectivity().succeeded(T0.plusSeconds(40)).transition())
            .contains(new Connectivity.Transition(ConnectivityStatus.OFFLINE, ConnectivityStatus.ONLINE, "RECOVERED"));
        assertThat(Connectivity.unknown(T0).wentSilent(T0.plusSeconds(30), "SILENCE").transition())
            .contains(new Connectivity.Transition(ConnectivityStatus.UNKNOWN, ConnectivityStatus.OFFLINE, "SILENCE"));
    }

    @Test
    void theLastWillIsOfflineOnTheStatusTopic() {
        assertThat(MqttPayloads.offline(bytes("offline"))).isTrue();
        assertThat(MqttPayloads.offline(bytes("{\"status\": \"offline\"}"))).isTrue();
        assertThat(MqttPayloads.offline(bytes("online"))).isFalse();
    }

    @Test
    void topicsDefaultToTheDevicesOwnAndTheProfileCanNameThem() {
        MqttBinding plain = new MqttBinding(null, null, null, null, null).resolved("th-1",
                new ProfileDefaults(null, null));
        assertThat(plain.telemetryTopic()).isEqualTo("devices/th-1/telemetry");
        assertThat(plain.commandTopic()).isEqualTo("devices/th-1/commands");
        assertThat(plain.statusTopic()).isEqualTo("devices/th-1/status");
        assertThat(plain.silenceAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(30));

        MqttBinding profiled = new MqttBinding(null, "cmd/{name}", null, "5s", null).resolved("th-1",
                new ProfileDefaults(null, null, "plant/{name}/json", "ignored/{name}"));
        assertThat(profiled.telemetryTopic()).isEqualTo("plant/th-1/json");
        assertThat(profiled.commandTopic()).isEqualTo("cmd/th-1");
        assertThat(profiled.silenceAfter(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(5));

        assertThatThrownBy(() -> new MqttBinding("devices/+/t", null, null, null, null).resolved("x",
                new ProfileDefaults(null, null))).isInstanceOf(InvalidDefinitionException.class);
        assertThatThrownBy(() -> new MqttBinding("$aws/x", null, null, null, null).resolved("x",
                new ProfileDefaults(null, null))).isInstanceOf(InvalidDefinitionException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
