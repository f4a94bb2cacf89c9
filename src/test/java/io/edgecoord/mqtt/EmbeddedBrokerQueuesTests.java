package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.edgecoord.support.TestMqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the embedded broker holds for subscribers is bounded: a subscriber's queue (a persistent
 * session's while its client is away, or a connected one's that does not acknowledge) keeps the
 * newest messages up to its bounds, the oldest dropped and counted; past the most persistent
 * sessions, the one away longest is purged.
 */
@SpringBootTest
@TestPropertySource(properties = { "edgecoord.mqtt.max-queued-messages=10", "edgecoord.mqtt.max-queued-bytes=1000",
        "edgecoord.mqtt.max-persistent-sessions=3",
        "spring.datasource.url=jdbc:h2:mem:mqtt-queues;DB_CLOSE_DELAY=-1" })
class EmbeddedBrokerQueuesTests {

    @Value("${local.mqtt.port}")
    int port;

    @Autowired
    MeterRegistry registry;

    private final List<MqttClient> clients = new ArrayList<>();

    @AfterEach
    void purgeTheSessions() throws Exception {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
            // A clean connect with the same id purges what the client's persistent session kept.
            MqttClient clean = new MqttClient("tcp://127.0.0.1:" + port, client.getClientId(), new MemoryPersistence());
            clean.connect(options(true));
            clean.disconnect();
            clean.close();
        }
    }

    @Test
    void aPersistentSubscriberAwayFindsOnlyTheNewestMessagesUpToTheBoundAndTheRestAreCountedAsDropped()
            throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        MqttClient away = persistent("queues-away", heard);
        away.disconnect();
        double before = dropped("subscriber-queue-full");

        publish(50, "queues/away", "m");

        away.connect(options(false));
        assertThat(receive(heard, 10)).containsExactlyElementsOf(numbered("m", 40, 50));
        assertThat(heard.poll(1, TimeUnit.SECONDS)).as("nothing older").isNull();
        assertThat(dropped("subscriber-queue-full") - before).isEqualTo(40);
    }

    @Test
    void theByteBoundHoldsAsWellAsTheCountBound() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        MqttClient away = persistent("queues-bytes", heard);
        away.disconnect();
        String padding = "x".repeat(296); // 300 bytes a message: three fit in 1,000

        publish(8, "queues/bytes", padding);

        away.connect(options(false));
        List<String> got = receive(heard, 3);
        assertThat(got).containsExactlyElementsOf(numbered(padding, 5, 8));
        assertThat(heard.poll(1, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void aConnectedSubscriberThatDoesNotAcknowledgeKeepsItsInFlightWindowAndTheNewestQueued() throws Exception {
        BlockingQueue<MqttMessage> heard = new LinkedBlockingQueue<>();
        MqttClient slow = new MqttClient("tcp://127.0.0.1:" + port, "queues-slow", new MemoryPersistence());
        clients.add(slow);
        slow.setManualAcks(true);
        slow.setCallback(callback(heard));
        slow.connect(options(true));
        slow.subscribe("queues/slow", 1);
        double before = dropped("subscriber-queue-full");

        publish(100, "queues/slow", "s");

        // Moquette's in-flight window is ten messages; behind it, the queue keeps the newest ten.
        await().atMost(Duration.ofSeconds(10)).until(() -> dropped("subscriber-queue-full") - before >= 80);
        Set<String> got = new LinkedHashSet<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (got.size() < 20 && System.nanoTime() < end) {
            MqttMessage message = heard.poll(1, TimeUnit.SECONDS);
            if (message != null) {
                got.add(message.toString());
                slow.messageArrivedComplete(message.getId(), message.getQos());
            }
        }
        List<String> expected = new ArrayList<>(numbered("s", 0, 10));
        expected.addAll(numbered("s", 90, 100));
        assertThat(got).containsExactlyElementsOf(expected);
        assertThat(dropped("subscriber-queue-full") - before).isEqualTo(80);
    }

    @Test
    void pastTheMostPersistentSessionsTheOneAwayLongestIsPurgedWithWhatItQueued() throws Exception {
        BlockingQueue<String> ignored = new LinkedBlockingQueue<>();
        List<MqttClient> three = new ArrayList<>();
        for (String id : List.of("queues-first", "queues-second", "queues-third")) {
            MqttClient client = persistent(id, ignored);
            client.disconnect();
            three.add(client);
            Thread.sleep(50);
        }
        publish(2, "queues/evict", "e");
        double before = dropped("session-evicted");

        persistent("queues-fourth", ignored); // one more than the three allowed

        await().atMost(Duration.ofSeconds(10)).until(() -> dropped("session-evicted") - before >= 2);
        // The second first: the first, purged, comes back as a new session, which is one too many again.
        assertThat(three.get(1).connectWithResult(options(false)).getSessionPresent()).as("the second, kept")
                .isTrue();
        assertThat(three.get(0).connectWithResult(options(false)).getSessionPresent()).as("the first, purged")
                .isFalse();
        assertThat(registry.get("edgecoord.mqtt.persistent-sessions").gauge().value()).isLessThanOrEqualTo(4);
    }

    @Test
    void whatTheBrokerDeliversIsCountedOutWithItsBytesOncePerSubscriber() throws Exception {
        BlockingQueue<String> first = new LinkedBlockingQueue<>();
        BlockingQueue<String> second = new LinkedBlockingQueue<>();
        for (BlockingQueue<String> heard : List.of(first, second)) {
            MqttClient subscriber = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(),
                    new MemoryPersistence());
            clients.add(subscriber);
            subscriber.setCallback(TestMqtt.payloads(heard::add));
            subscriber.connect(options(true));
            subscriber.subscribe("queues/out", 0);
        }
        double messages = out("edgecoord.mqtt.messages");
        double bytes = out("edgecoord.mqtt.bytes");

        publish(3, "queues/out", "o"); // three payloads of three bytes

        assertThat(receive(first, 3)).hasSize(3);
        assertThat(receive(second, 3)).hasSize(3);
        assertThat(out("edgecoord.mqtt.messages") - messages).isEqualTo(6);
        assertThat(out("edgecoord.mqtt.bytes") - bytes).isEqualTo(18);
    }

    private double out(String meter) {
        return registry.get(meter).tag("direction", "out").counter().count();
    }

    private MqttClient persistent(String id, BlockingQueue<String> heard) throws Exception {
        MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, id, new MemoryPersistence());
        clients.add(client);
        client.setCallback(TestMqtt.payloads(heard::add));
        client.connect(options(false));
        client.subscribe("queues/#", 1);
        return client;
    }

    private void publish(int count, String topic, String prefix) throws Exception {
        MqttClient publisher = new MqttClient("tcp://127.0.0.1:" + port, MqttClient.generateClientId(),
                new MemoryPersistence());
        MqttConnectOptions options = options(true);
        // Paho frees a publish's in-flight slot just after its token completes, so back-to-back QoS 1
        // publishes can find its default ten still full.
        options.setMaxInflight(count + 10);
        publisher.connect(options);
        for (int i = 0; i < count; i++) {
            publisher.publish(topic, (prefix + String.format("%02d", i)).getBytes(StandardCharsets.UTF_8), 1, false);
        }
        publisher.disconnect();
        publisher.close();
    }

    private static List<String> numbered(String prefix, int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> prefix + String.format("%02d", i)).toList();
    }

    private static List<String> receive(BlockingQueue<String> heard, int count) throws InterruptedException {
        List<String> got = new ArrayList<>();
        while (got.size() < count) {
            String message = heard.poll(10, TimeUnit.SECONDS);
            if (message == null) {
                break;
            }
            got.add(message);
        }
        return got;
    }

    private double dropped(String reason) {
        Counter counter = registry.find("edgecoord.mqtt.dropped").tag("reason", reason).counter();
        return (counter != null) ? counter.count() : 0;
    }

    private static MqttConnectOptions options(boolean clean) {
        return TestMqtt.adminOptions(clean);
    }

    private static MqttCallback callback(BlockingQueue<MqttMessage> heard) {
        return new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                heard.add(message);
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
            }
        };
    }
}
