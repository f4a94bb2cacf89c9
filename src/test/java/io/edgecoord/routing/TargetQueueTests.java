package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetQueueTests {

    @Test
    void asksForADrainerOnlyWhenNoneRuns() {
        TargetQueue<String> queue = new TargetQueue<>(10);

        assertThat(queue.offer("a", false).startDrainer()).isTrue();
        assertThat(queue.offer("b", false).startDrainer()).isFalse();
        assertThat(queue.next()).isEqualTo("a");
        assertThat(queue.next()).isEqualTo("b");
        assertThat(queue.next()).isNull();
        assertThat(queue.offer("c", false).startDrainer()).isTrue();
    }

    @Test
    void dropsTheOldestWhenFull() {
        TargetQueue<String> queue = new TargetQueue<>(2);
        queue.offer("a", false);
        queue.offer("b", false);

        assertThat(queue.offer("c", false).dropped()).isEqualTo("a");
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.next()).isEqualTo("b");
    }

    @Test
    void deliversPriorityItemsFirstAndDropsThemLast() {
        TargetQueue<String> queue = new TargetQueue<>(2);
        queue.offer("reading-1", false);
        queue.offer("offline", true);

        assertThat(queue.offer("online", true).dropped()).isEqualTo("reading-1");
        assertThat(queue.offer("again", true).dropped()).isEqualTo("offline");
        assertThat(queue.next()).isEqualTo("online");
        assertThat(queue.next()).isEqualTo("again");
    }
}
