package io.edgecoord.device.profile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import io.edgecoord.device.modbus.ModbusResources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EdgeXProfilesTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void mapsAnEdgeXModbusProfileWithItsResourcesCommandsAndAttributes() throws IOException {
        DeviceProfile profile = EdgeXProfiles.map(yaml("/edgex/modbus-pump.yaml")).validated();
        assertThat(profile.name()).isEqualTo("pump-edgex");
        assertThat(profile.labels()).containsExactly("modbus", "pump");
        ProfileResource temperature = profile.resource("Temperature").orElseThrow();
        assertThat(temperature.valueType()).isEqualTo(ValueType.FLOAT64);
        assertThat(temperature.scale()).isEqualTo(0.1);
        assertThat(temperature.units()).isEqualTo("degC");
        assertThat(temperature.attributes()).isEqualTo(Map.of("primaryTable", "HOLDING_REGISTERS",
                "startingAddress", "0", "rawType", "Int16"));
        ProfileResource speed = profile.resource("Speed").orElseThrow();
        assertThat(speed.readWrite()).isEqualTo(ReadWrite.RW);
        assertThat(speed.maximum()).isEqualTo(3000.0);
        assertThat(speed.attributes()).containsEntry("isWordSwap", "true");
        assertThat(profile.resource("Level").orElseThrow().valueType()).isEqualTo(ValueType.UINT16);
        assertThat(profile.commands()).containsExactly(new ProfileCommand("Status", ReadWrite.R,
                java.util.List.of("Temperature", "Speed", "Running")));
        // The Modbus binding accepts every resource as imported.
        ModbusResources.check(profile);
    }

    @Test
    void unwrapsTheRequestFormOfEdgeXsApi() {
        JsonNode wrapped = JSON.readTree("""
                [{"apiVersion": "v3", "profile": {"name": "p", "deviceResources": [
                  {"name": "r", "properties": {"valueType": "Int8", "readWrite": "R"}}]}}]""");
        assertThat(EdgeXProfiles.isEdgeX(wrapped)).isTrue();
        assertThat(EdgeXProfiles.map(wrapped).resources().getFirst().valueType()).isEqualTo(ValueType.INT8);
    }

    @Test
    void refusesWhatItCannotMapNamingIt() {
        assertThatThrownBy(() -> EdgeXProfiles.map(resourceWith("\"valueType\": \"StringArray\", \"readWrite\": \"R\"")))
            .hasMessageContaining("deviceResources[0].properties.valueType 'StringArray' cannot be mapped");
        assertThatThrownBy(() -> EdgeXProfiles.map(resourceWith("\"valueType\": \"ObjectArray\", \"readWrite\": \"R\"")))
            .hasMessageContaining("'ObjectArray' cannot be mapped");
        assertThatThrownBy(() -> EdgeXProfiles.map(resourceWith(
                "\"valueType\": \"Uint16\", \"readWrite\": \"R\", \"mask\": \"0xFF00\"")))
            .hasMessageContaining("deviceResources[0].properties.mask (0xFF00) cannot be mapped");
        assertThatThrownBy(() -> EdgeXProfiles.map(resourceWith(
                "\"valueType\": \"Uint16\", \"readWrite\": \"R\", \"colour\": \"red\"")))
            .hasMessageContaining("deviceResources[0].properties.colour cannot be mapped");
    }

    @Test
    void mapsUint64BinaryAndArrayValueTypes() {
        assertThat(EdgeXProfiles.map(resourceWith("\"valueType\": \"Uint64\", \"readWrite\": \"R\""))
            .resources().getFirst().valueType()).isEqualTo(ValueType.UINT64);
        assertThat(EdgeXProfiles.map(resourceWith(
                "\"valueType\": \"Binary\", \"readWrite\": \"R\", \"mediaType\": \"application/octet-stream\""))
            .resources().getFirst().valueType()).isEqualTo(ValueType.BINARY);
        assertThat(EdgeXProfiles.map(resourceWith("\"valueType\": \"Float32Array\", \"readWrite\": \"RW\""))
            .resources().getFirst().valueType()).isEqualTo(ValueType.FLOAT32_ARRAY);
        assertThat(EdgeXProfiles.map(resourceWith("\"valueType\": \"BoolArray\", \"readWrite\": \"R\""))
            .resources().getFirst().valueType()).isEqualTo(ValueType.BOOL_ARRAY);
        assertThat(EdgeXProfiles.map(resourceWith("\"valueType\": \"Uint64Array\", \"readWrite\": \"R\""))
            .resources().getFirst().valueType()).isEqualTo(ValueType.UINT64_ARRAY);
    }

    private static JsonNode resourceWith(String properties) {
        return JSON.readTree("{\"name\": \"p\", \"deviceResources\": [{\"name\": \"r\", \"properties\": {"
                + properties + "}}]}");
    }

    private static JsonNode yaml(String resource) throws IOException {
        try (InputStream in = EdgeXProfilesTests.class.getResourceAsStream(resource)) {
            return YAMLMapper.builder().build().readTree(in);
        }
    }
}
