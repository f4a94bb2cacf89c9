package io.edgecoord.device.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A device of protocol {@code mqtt} against the real embedded broker: a Paho client with a key for
 * its own topics publishes telemetry and obeys its command topic; readings reach the shadow, a
 * desired value reaches the device and is confirmed, and silence and the last will make it OFFLINE.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:mqtt-devices;DB_CLOSE_DELAY=-1" })
class MqttDeviceModuleTests {

    static final String PROFILE = """
            {"name": "mqtt-thermostat", "resources": [
              {"name": "temperature", "valueType": "FLOAT64", "readWrite": "R", "scale": 0.1,
               "attributes": {"pointer": "/env/t"}},
              {"name": "setpoint", "valueType": "FLOAT64", "readWrite": "RW", "minimum": 5, "maximum": 30}],
             "defaults": {"pollInterval": "2s"}}""";

    @LocalServerPort
    int httpPort;

    @Value("${local.mqtt.port}")
    int mqttPort;

    @Test
    void telemetryReachesTheShadowAndADesiredValueReachesTheDeviceAndIsConfirmed() throws Exception {
        CoordinatorClient api = new CoordinatorClient(httpPort);
        register(api, "th-m1", "10s");
        JsonNode key = deviceKey(api, "th-m1");
        MqttClient device = TestMqtt.connect(mqttPort, key.path("id").asString(), key.path("secret").asString());
        BlockingQueue<String> commands = new LinkedBlockingQueue<>();
        try {
            device.subscribe("devices/th-m1/commands", 1, (topic, message) -> {
                String command = new String(message.getPayload(), StandardCharsets.UTF_8);
                commands.add(command);
                // Obeys: takes the setpoint and reports it, as a thermostat would (off Paho's callback thread).
                double setpoint = JsonMapper.shared().readTree(command).path("setpoint").asDouble();
                Thread.ofVirtual().start(() -> publish(device,
                        "{\"env\": {\"t\": 216}, \"setpoint\": " + setpoint + "}"));
            });
            device.publish("devices/th-m1/telemetry", "{\"env\": {\"t\": 215}, \"setpoint\": 20}".getBytes(), 1, false);

            JsonNode shadow = await(api, "/api/v1/devices/th-m1/shadow",
                    (doc) -> doc.at("/state/reported/temperature").asDouble() == 21.5);
            assertThat(shadow.at("/state/reported/setpoint").asDouble()).isEqualTo(20.0);
            assertThat(await(api, "/api/v1/devices/th-m1", (d) -> true).at("/connectivity/status").asString())
                .isEqualTo("ONLINE");
            await(api, "/api/v1/devices/th-m1/readings", (page) -> page.toString().contains("21.5"));

            var patched = api.request("PATCH", "/api/v1/devices/th-m1/shadow", "application/json",
                    "{\"state\": {\"desired\": {\"setpoint\": 23.5}}}");
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
            String command = commands.poll(10, TimeUnit.SECONDS);
            assertThat(command).isEqualTo("{\"setpoint\":23.5}");

            JsonNode confirmed = await(api, "/api/v1/devices/th-m1/shadow",
                    (doc) -> "CONFIRMED".equals(doc.at("/metadata/actuation/status").asString()));
            assertThat(confirmed.at("/state/reported/setpoint").asDouble()).isEqualTo(23.5);
            assertThat(confirmed.at("/state/delta").isMissingNode() || confirmed.at("/state/delta").isEmpty())
                .as(confirmed.toString()).isTrue();
        }
        finally {
            device.disconnect();
            device.close();
        }
    }

    @Test
    void aSilentDeviceGoesOfflineAndItsLastWillMakesItOfflineAtOnce() throws Exception {
        CoordinatorClient api = new CoordinatorClient(httpPort);
        register(api, "th-m2", "1500ms");
        JsonNode key = deviceKey(api, "th-m2");
        MqttClient device = TestMqtt.connect(mqttPort, key.path("id").asString(), key.path("secret").asString());
        device.publish("devices/th-m2/telemetry", "{\"setpoint\": 20}".getBytes(), 1, false);
        await(api, "/api/v1/devices/th-m2", (d) -> "ONLINE".equals(d.at("/connectivity/status").asString()));
        JsonNode offline = await(api, "/api/v1/devices/th-m2",
                (d) -> "OFFLINE".equals(d.at("/connectivity/status").asString()));
        assertThat(offline.toString()).isNotEmpty();
        device.disconnect();
        device.close();

        // Back with a last will, then gone without a DISCONNECT: the broker publishes the will.
        MqttClient willing = new MqttClient("tcp://127.0.0.1:" + mqttPort, "th-m2", new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(key.path("id").asString());
        options.setPassword(key.path("secret").asString().toCharArray());
        options.setWill("devices/th-m2/status", "offline".getBytes(), 1, false);
        willing.connect(options);
        willing.publish("devices/th-m2/telemetry", "{\"setpoint\": 21}".getBytes(), 1, false);
        await(api, "/api/v1/devices/th-m2", (d) -> "ONLINE".equals(d.at("/connectivity/status").asString()));
        long lost = System.nanoTime();
        willing.disconnectForcibly(0, 100, false);
        willing.close(true);
        await(api, "/api/v1/devices/th-m2", (d) -> "OFFLINE".equals(d.at("/connectivity/status").asString()));
        assertThat(Duration.ofNanos(System.nanoTime() - lost)).as("the will, not the 1.5 s silence")
            .isLessThan(Duration.ofMillis(1500));
    }

    private static void publish(MqttClient device, String telemetry) {
        try {
            device.publish("devices/th-m1/telemetry", telemetry.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        catch (MqttException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void register(CoordinatorClient api, String name, String silence) {
        api.postJson("/api/v1/device-profiles", PROFILE);
        var created = api.postJson("/api/v1/devices", """
                {"name": "%s", "profile": "mqtt-thermostat", "protocol": {"type": "mqtt", "silence": "%s"}}"""
            .formatted(name, silence));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    /** A key for the device's own topics only, as docs/devices.md tells an operator to make. */
    private static JsonNode deviceKey(CoordinatorClient api, String name) {
        var created = api.postJson("/api/v1/keys", """
                {"name": "device %1$s", "scopes": ["read"], "topics": {
                  "publish": ["devices/%1$s/telemetry", "devices/%1$s/status"],
                  "subscribe": ["devices/%1$s/commands"]}}""".formatted(name));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.json(created);
    }

    private static JsonNode await(CoordinatorClient api, String path, Predicate<JsonNode> done)
            throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode last = null;
        while (System.nanoTime() < until) {
            var response = api.get(path);
            if (response.statusCode() == 200) {
                last = api.json(response);
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(path + " never came to the expected state; last " + last);
    }
}
