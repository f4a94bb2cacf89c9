package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A disconnected client's persistent session, with what was queued for it, lives for
 * {@code edgecoord.mqtt.session-expiry} (Moquette's {@code persistent_client_expiration}) and no longer.
 */
@SpringBootTest
@TestPropertySource(properties = { "edgecoord.mqtt.session-expiry=2s",
        "spring.datasource.url=jdbc:h2:mem:mqtt-sessions;DB_CLOSE_DELAY=-1" })
class EmbeddedBrokerSessionsTests {

    @Value("${local.mqtt.port}")
    int port;

    @Test
    void aPersistentSessionKeepsItsMessagesUntilItExpiresAndIsThenPurged() throws Exception {
        BlockingQueue<String> kept = new LinkedBlockingQueue<>();
        BlockingQueue<String> gone = new LinkedBlockingQueue<>();
        MqttClient soon = persistent("sessions-soon", kept);
        MqttClient late = persistent("sessions-late", gone);
        soon.disconnect();
        late.disconnect();
        MqttClient publisher = TestMqtt.admin(port);
        publisher.publish("sessions/a", "queued".getBytes(StandardCharsets.UTF_8), 1, false);

        assertThat(soon.connectWithResult(options()).getSessionPresent()).isTrue();
        assertThat(kept.poll(5, TimeUnit.SECONDS)).isEqualTo("queued");

        Thread.sleep(4_000); // past the expiry and Moquette's one-second sweep
        assertThat(late.connectWithResult(options()).getSessionPresent()).as("purged after 2 s").isFalse();
        assertThat(gone.poll(1, TimeUnit.SECONDS)).as("its queued message went with it").isNull();
        for (MqttClient client : java.util.List.of(soon, late, publisher)) {
            client.disconnect();
            client.close();
        }
    }

    private MqttClient persistent(String id, BlockingQueue<String> heard) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
        client.setCallback(TestMqtt.payloads(heard::add));
        client.connect(options());
        client.subscribe("sessions/#", 1);
        return client;
    }

    private static MqttConnectOptions options() {
        return TestMqtt.adminOptions(false);
    }
}
