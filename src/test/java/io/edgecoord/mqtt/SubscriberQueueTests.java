package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.moquette.broker.SessionRegistry.EnqueuedMessage;
import io.moquette.broker.SessionRegistry.PublishedMessage;
import io.moquette.broker.subscriptions.Topic;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttQoS;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriberQueueTests {

    private final List<Integer> drops = new ArrayList<>();

    @Test
    void pastTheMostMessagesTheOldestAreDroppedReleasedAndReported() {
        SubscriberQueue queue = new SubscriberQueue("c", 2, 1_000, (client, count) -> drops.add(count));
        PublishedMessage first = message("one");
        ByteBuf firstPayload = first.getPayload();

        queue.offer(first);
        queue.offer(message("two"));
        queue.offer(message("three"));

        assertThat(texts(queue)).containsExactly("two", "three");
        assertThat(firstPayload.refCnt()).as("released").isZero();
        assertThat(drops).containsExactly(1);
        assertThat(queue.bytes()).isEqualTo(8);
    }

    @Test
    void pastTheMostBytesTheOldestAreDroppedUntilTheRestFits() {
        SubscriberQueue queue = new SubscriberQueue("c", 100, 10, (client, count) -> drops.add(count));

        queue.offer(message("aaaa"));
        queue.offer(message("bbbb"));
        queue.offer(message("cccccccc"));

        assertThat(texts(queue)).containsExactly("cccccccc");
        assertThat(drops).containsExactly(2);
    }

    @Test
    void oneMessageLargerThanTheByteBoundIsStillKeptAlone() {
        SubscriberQueue queue = new SubscriberQueue("c", 100, 2, (client, count) -> drops.add(count));

        queue.offer(message("larger"));

        assertThat(texts(queue)).containsExactly("larger");
        assertThat(drops).isEmpty();
    }

    @Test
    void pollTakesTheOldestFirstAndKeepsTheByteCountTrue() {
        SubscriberQueue queue = new SubscriberQueue("c", 10, 100, (client, count) -> drops.add(count));
        queue.offer(message("one"));
        queue.offer(message("two"));

        EnqueuedMessage taken = queue.poll();

        assertThat(text(taken)).isEqualTo("one");
        assertThat(queue.bytes()).isEqualTo(3);
        assertThat(queue.poll()).isNotNull();
        assertThat(queue.poll()).isNull();
        assertThat(queue.bytes()).isZero();
    }

    private static PublishedMessage message(String text) {
        return new PublishedMessage(new Topic("t"), MqttQoS.AT_LEAST_ONCE,
                Unpooled.copiedBuffer(text, StandardCharsets.UTF_8), false);
    }

    private static List<String> texts(SubscriberQueue queue) {
        List<String> texts = new ArrayList<>();
        queue.forEach(message -> texts.add(text(message)));
        return texts;
    }

    private static String text(EnqueuedMessage message) {
        return ((PublishedMessage) message).getPayload().toString(StandardCharsets.UTF_8);
    }
}
