package io.edgecoord.routing;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceConnectivityChanged;
import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.shadow.ShadowDeltaChanged;
import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's events reach an external MQTT subscriber on the topics routing names: readings
 * and connectivity as envelopes, a shadow delta as AWS's delta document. (Task results: in
 * {@code EnvironmentGatewayIntegrationTests}, which runs real tasks.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = { "edgecoord.device.network.allow=127.0.0.0/8",
        "spring.datasource.url=jdbc:h2:mem:mqtt-broker;DB_CLOSE_DELAY=-1" })
class BrokerMirrorTests {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Value("${local.mqtt.port}")
    int mqttPort;

    @Autowired
    ApplicationEventPublisher events;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void readingsConnectivityAndShadowDeltasArePublishedOnTheBroker() throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        MqttClient subscriber = TestMqtt.admin(mqttPort);
        try {
            IMqttMessageListener listener = (topic, message) -> received.add(topic + " " + message);
            subscriber.subscribe(new String[] { "devices/mirror-1/#", "$aws/things/mirror-1/shadow/update/delta" },
                    new int[] { 1, 1 }, new IMqttMessageListener[] { listener, listener });

            events.publishEvent(new DeviceConnectivityChanged("mirror-1", ConnectivityStatus.ONLINE,
                    ConnectivityStatus.UNKNOWN, "FIRST_CONTACT", 0, T0));
            events.publishEvent(new DeviceReadingsPolled("mirror-1", "status", Map.of("temp", 21.5), Set.of("temp"), T0));
            events.publishEvent(new ShadowDeltaChanged("mirror-1", json.readTree("{\"color\": \"green\"}"), 4, T0));

            JsonNode connectivity = next(received, "devices/mirror-1/connectivity");
            assertThat(connectivity.path("type").asString()).isEqualTo("device.connectivity");
            assertThat(connectivity.path("data").path("status").asString()).isEqualTo("ONLINE");
            JsonNode reading = next(received, "devices/mirror-1/readings/status");
            assertThat(reading.path("type").asString()).isEqualTo("device.readings");
            assertThat(reading.path("source").asString()).isEqualTo("device:mirror-1");
            assertThat(reading.path("data").path("values").path("temp").asDouble()).isEqualTo(21.5);
            JsonNode delta = next(received, "$aws/things/mirror-1/shadow/update/delta");
            assertThat(delta.path("version").asLong()).isEqualTo(4);
            assertThat(delta.path("timestamp").asLong()).isEqualTo(T0.getEpochSecond());
            assertThat(delta.path("state").path("color").asString()).isEqualTo("green");
            assertThat(delta.has("type")).as("AWS's delta document, no envelope").isFalse();
        }
        finally {
            subscriber.disconnect();
            subscriber.close();
        }
    }

    private JsonNode next(BlockingQueue<String> received, String topic) throws InterruptedException {
        String message = received.poll(10, TimeUnit.SECONDS);
        assertThat(message).isNotNull().startsWith(topic + " ");
        return json.readTree(message.substring(topic.length() + 1));
    }
}
