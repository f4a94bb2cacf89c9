package io.edgecoord.execution;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PoolEventsTests {

    private final PoolEvents events = new PoolEvents();

    @Test
    void everyListenerHearsEachChangeInTheOrderTheyWereAdded() {
        List<String> heard = new ArrayList<>();
        events.add(event -> heard.add("first " + event.cause()));
        events.add(event -> heard.add("second " + event.cause()));

        events.publish(PoolChanged.Cause.CALL_ENDED, "hello:1");

        assertThat(heard).containsExactly("first CALL_ENDED", "second CALL_ENDED");
    }

    @Test
    void aListenerThatFailsDoesNotKeepTheOthersFromHearing() {
        List<PoolChanged> heard = new ArrayList<>();
        events.add(event -> {
            throw new IllegalStateException("broken listener");
        });
        events.add(heard::add);

        events.publish(PoolChanged.Cause.ENVIRONMENT_REMOVED, "hello:1");

        assertThat(heard).containsExactly(new PoolChanged(PoolChanged.Cause.ENVIRONMENT_REMOVED, "hello:1"));
    }
}
