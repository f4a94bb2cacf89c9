package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentLife.Busy;
import io.edgecoord.execution.EnvironmentLife.Idle;
import io.edgecoord.execution.Placement.Budget;
import io.edgecoord.execution.Placement.Demand;
import io.edgecoord.execution.Placement.Env;

class PlacementWindowTests {

    private static final Instant NOW = Instant.parse("2026-12-07T14:00:00Z");

    private static final Duration STARVATION = Duration.ofSeconds(30);

    private static Demand call(String id, String task, int waitedSeconds) {
        return new Demand(id, task + ":1", task, 128, 0.25, 4, NOW.minusSeconds(waitedSeconds));
    }

    private static List<String> window(List<Demand> calls, int slots) {
        return PlacementWindow.of(calls, Demand::poolKey, Demand::waitingSince, slots, NOW, STARVATION).stream()
                .map(Demand::callId)
                .toList();
    }

    @Test
    void keepsEveryCallWhenNoMoreWaitThanTheRoundMayStart() {
        List<Demand> calls = List.of(call("a1", "a", 1), call("a2", "a", 1));

        assertThat(PlacementWindow.of(calls, Demand::poolKey, Demand::waitingSince, 2, NOW, STARVATION))
                .isSameAs(calls);
    }

    @Test
    void keepsTheFirstCallsOfEachTaskVersionUpToTheSlotsInTheirOrder() {
        List<Demand> calls = List.of(call("a1", "a", 1), call("b1", "b", 1), call("a2", "a", 1), call("a3", "a", 1),
                call("b2", "b", 1), call("b3", "b", 1), call("c1", "c", 1));

        assertThat(window(calls, 2)).containsExactly("a1", "b1", "a2", "b2", "c1");
    }

    @Test
    void keepsTheFirstStarvingCallBeyondThemSinceItMayHoldNewEnvironmentsBack() {
        List<Demand> calls = List.of(call("a1", "a", 1), call("a2", "a", 1), call("a3", "a", 40), call("a4", "a", 50));

        assertThat(window(calls, 1)).containsExactly("a1", "a3");
        // Where another version's call breaks a run, the window still knows what it kept of each.
        assertThat(window(List.of(call("a1", "a", 1), call("a2", "a", 1), call("b1", "b", 1), call("a3", "a", 40),
                call("b2", "b", 45), call("a4", "a", 50), call("b3", "b", 50)), 1))
            .containsExactly("a1", "b1", "a3", "b2");
        // Waiting exactly the limit is starving, as Placement counts it.
        assertThat(window(List.of(call("a1", "a", 1), call("a2", "a", 29), call("a3", "a", 30)), 1))
            .containsExactly("a1", "a3");
    }

    @Test
    void stopsReadingTheQueueOnceEveryVersionHasWhatItKeeps() {
        List<Demand> backlog = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            backlog.add(call("a" + i, "a", 10)); // none waits past the limit yet
        }
        Reads<Demand> queue = new Reads<>(backlog);

        List<Demand> kept = PlacementWindow.of(queue, Demand::poolKey, Demand::waitingSince, 4, NOW, STARVATION, 1,
                NOW.minusSeconds(10));

        assertThat(kept).extracting(Demand::callId).containsExactly("a0", "a1", "a2", "a3");
        assertThat(queue.reads).as("the calls read of a backlog of 10,000").isLessThanOrEqualTo(5);

        // Once calls starve, it reads on to the first of them beyond the window, and no further.
        List<Demand> starving = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            starving.add(call("s" + i, "s", i < 6 ? 60 : 5));
        }
        Reads<Demand> old = new Reads<>(starving);
        assertThat(PlacementWindow.of(old, Demand::poolKey, Demand::waitingSince, 4, NOW, STARVATION, 1,
                NOW.minusSeconds(60))).extracting(Demand::callId).containsExactly("s0", "s1", "s2", "s3", "s4");
        assertThat(old.reads).isLessThanOrEqualTo(6);
    }

    @Test
    void stoppingEarlyKeepsWhatTheWholeQueueWouldWhenItsShapeIsTrue() {
        List<Demand> calls = List.of(call("a1", "a", 1), call("b1", "b", 1), call("a2", "a", 35), call("b2", "b", 1),
                call("a3", "a", 40), call("b3", "b", 45), call("a4", "a", 50), call("c1", "c", 1));

        for (int slots = 1; slots <= 3; slots++) {
            assertThat(PlacementWindow.of(calls, Demand::poolKey, Demand::waitingSince, slots, NOW, STARVATION, 3,
                    NOW.minusSeconds(50)))
                .as("%d slots", slots)
                .isEqualTo(PlacementWindow.of(calls, Demand::poolKey, Demand::waitingSince, slots, NOW, STARVATION));
        }
    }

    /** A list that counts the elements read of it. */
    private static final class Reads<T> extends java.util.AbstractList<T> {

        private final List<T> calls;

        private int reads;

        Reads(List<T> calls) {
            this.calls = calls;
        }

        @Override
        public T get(int index) {
            reads++;
            return calls.get(index);
        }

        @Override
        public int size() {
            return calls.size();
        }
    }

    @Test
    void placesTheSameCallsAsTheWholeQueueWouldWhateverItsLength() {
        List<Env> pool = List.of(
                new Env("a-idle", "a:1", "a", new Idle(NOW.minusSeconds(5), false), 128, 0.25, false),
                new Env("a-busy", "a:1", "a", new Busy(NOW, false), 128, 0.25, false),
                new Env("b-idle", "b:1", "b", new Idle(NOW.minusSeconds(60), false), 128, 0.25, false));
        Budget budget = new Budget(512, 2.0, 8);
        List<Demand> queue = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            queue.add(call("a" + i, "a", 45));
            queue.add(call("c" + i, "c", 1));
        }
        List<Demand> offered = PlacementWindow.of(queue, Demand::poolKey, Demand::waitingSince, 4, NOW, STARVATION);

        assertThat(offered).hasSizeLessThan(12);
        assertThat(Placement.decide(offered, pool, budget, 4, NOW, STARVATION))
                .isEqualTo(Placement.decide(queue, pool, budget, 4, NOW, STARVATION));
    }
}
