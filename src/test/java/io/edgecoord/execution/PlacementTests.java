package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentLife.Busy;
import io.edgecoord.execution.EnvironmentLife.Idle;
import io.edgecoord.execution.EnvironmentLife.Starting;
import io.edgecoord.execution.Placement.Budget;
import io.edgecoord.execution.Placement.Decision;
import io.edgecoord.execution.Placement.Demand;
import io.edgecoord.execution.Placement.Env;
import io.edgecoord.execution.Placement.Prewarm;
import io.edgecoord.execution.Placement.WarmTarget;

class PlacementTests {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static final Duration STARVATION = Duration.ofSeconds(30);

    private static final Budget BUDGET = new Budget(1024, 2.0, 16);

    private static Demand call(String id, String task, int memoryMb) {
        return new Demand(id, task + ":1", task, memoryMb, 0.25, 0, NOW.minusSeconds(1));
    }

    private static Env idle(String id, String task, int memoryMb, int secondsAgo) {
        return new Env(id, task + ":1", task, new Idle(NOW.minusSeconds(secondsAgo), false), memoryMb, 0.25, false);
    }

    private static Env busy(String id, String task, int memoryMb) {
        return new Env(id, task + ":1", task, new Busy(NOW, false), memoryMb, 0.25, false);
    }

    private static List<Decision> decide(List<Demand> demands, List<Env> pool) {
        return Placement.decide(demands, pool, BUDGET, 100, NOW, STARVATION);
    }

    @Nested
    class Order {

        @Test
        void takesAnIdleWarmEnvironmentOfTheSameVersionFirst() {
            List<Env> pool = List.of(idle("old", "a", 128, 60), idle("recent", "a", 128, 5),
                    new Env("pre", "a:1", "a", new Idle(NOW, true), 128, 0.25, false));

            assertThat(decide(List.of(call("c1", "a", 128)), pool))
                    .containsExactly(new Decision("c1", StartKind.WARM, "recent", List.of()));
        }

        @Test
        void takesAPrewarmedOneWhenNoWarmOneIsIdle() {
            List<Env> pool = List.of(busy("b", "a", 128),
                    new Env("pre", "a:1", "a", new Idle(NOW, true), 128, 0.25, false));

            assertThat(decide(List.of(call("c1", "a", 128)), pool))
                    .containsExactly(new Decision("c1", StartKind.PREWARMED, "pre", List.of()));
        }

        @Test
        void startsANewOneWhenTheBudgetHasRoom() {
            assertThat(decide(List.of(call("c1", "a", 128)), List.of(busy("b", "a", 512))))
                    .containsExactly(new Decision("c1", StartKind.COLD, null, List.of()));
        }

        @Test
        void aCallThatMayOnlyTakeAnIdleEnvironmentWaitsWithoutTakingRoomOrSlotsFromOthers() {
            // The engine is away: a's calls wait for its busy environment; b's idle one still serves b.
            List<Env> pool = List.of(busy("a-busy", "a", 512), idle("b-idle", "b", 512, 10));
            List<Demand> demands = List.of(call("a1", "a", 512), call("a2", "a", 512), call("b1", "b", 512));

            assertThat(Placement.decide(demands, pool, BUDGET, 1, NOW, STARVATION, java.util.Set.of("a:1")))
                    .containsExactly(new Decision("b1", StartKind.WARM, "b-idle", List.of()));
        }

        @Test
        void neverTakesAnEnvironmentOfAnotherVersion() {
            Env otherVersion = new Env("v2", "a:2", "a", new Idle(NOW, false), 128, 0.25, false);

            assertThat(decide(List.of(call("c1", "a", 128)), List.of(otherVersion)))
                    .containsExactly(new Decision("c1", StartKind.COLD, null, List.of()));
        }

        @Test
        void evictsIdleEnvironmentsOfOthersLeastRecentlyUsedFirstUntilItFits() {
            List<Env> pool = List.of(busy("b", "x", 512), idle("newer", "y", 256, 10), idle("older", "z", 128, 20),
                    idle("oldest", "w", 128, 30));

            // 1024 - 1024 = 0 free; the new call needs 256: the two least recently used (128 + 128) go.
            assertThat(decide(List.of(call("c1", "a", 256)), pool))
                    .containsExactly(new Decision("c1", StartKind.COLD, null, List.of("oldest", "older")));
        }

        @Test
        void waitsWhenEvenEvictingEveryIdleEnvironmentWouldNotMakeRoom() {
            List<Env> pool = List.of(busy("b", "x", 768), idle("i", "y", 128, 10));

            assertThat(decide(List.of(call("c1", "a", 512)), pool)).isEmpty();
        }

        @Test
        void neverEvictsAPinnedEnvironment() {
            Env pinned = new Env("p", "y:1", "y", new Idle(NOW.minusSeconds(600), false), 512, 0.25, true);
            List<Env> pool = List.of(busy("b", "x", 512), pinned);

            assertThat(decide(List.of(call("c1", "a", 128)), pool)).isEmpty();
        }

        @Test
        void neverEvictsBusyOrStartingEnvironments() {
            List<Env> pool = List.of(busy("b", "x", 512),
                    new Env("s", "y:1", "y", new Starting(NOW), 512, 0.25, false));

            assertThat(decide(List.of(call("c1", "a", 128)), pool)).isEmpty();
        }
    }

    @Nested
    class Budgets {

        @Test
        void runsTheSubsetThatFitsAndNeverOverCommitsMemory() {
            List<Demand> calls = List.of(call("c1", "a", 512), call("c2", "b", 512), call("c3", "c", 512));

            assertThat(decide(calls, List.of())).extracting(Decision::callId).containsExactly("c1", "c2");
        }

        @Test
        void countsCpuOnlyForRunningCalls() {
            Budget oneCpu = new Budget(4096, 1.0, 16);
            List<Env> pool = List.of(busy("b1", "x", 128), busy("b2", "x", 128), idle("i1", "y", 128, 5),
                    idle("i2", "y", 128, 5));
            List<Demand> calls = List.of(call("c1", "a", 128), call("c2", "a", 128), call("c3", "a", 128));

            // 1.0 - 2 × 0.25 busy = 0.5 free: two more calls, whatever the idle ones.
            assertThat(Placement.decide(calls, pool, oneCpu, 100, NOW, STARVATION)).extracting(Decision::callId)
                    .containsExactly("c1", "c2");
        }

        @Test
        void stopsAtTheSchedulersSlots() {
            List<Demand> calls = List.of(call("c1", "a", 64), call("c2", "a", 64), call("c3", "a", 64));

            assertThat(Placement.decide(calls, List.of(), BUDGET, 2, NOW, STARVATION)).hasSize(2);
        }

        @Test
        void respectsTheCapOnEnvironmentsByEvictingIdleOnes() {
            Budget twoEnvironments = new Budget(4096, 2.0, 2);
            List<Env> pool = List.of(busy("b", "x", 128), idle("i", "y", 128, 5));

            assertThat(Placement.decide(List.of(call("c1", "a", 128)), pool, twoEnvironments, 10, NOW, STARVATION))
                    .containsExactly(new Decision("c1", StartKind.COLD, null, List.of("i")));
        }

        @Test
        void keepsATaskWithinItsMaximumEnvironmentsWhileOthersRun() {
            Demand capped = new Demand("c1", "a:1", "a", 128, 0.25, 1, NOW);
            Demand other = call("c2", "b", 128);

            assertThat(decide(List.of(capped, other), List.of(busy("b", "a", 128))))
                    .extracting(Decision::callId).containsExactly("c2");
        }

        @Test
        void aTaskAtItsMaximumStillReusesItsIdleEnvironment() {
            Demand capped = new Demand("c1", "a:1", "a", 128, 0.25, 1, NOW);

            assertThat(decide(List.of(capped), List.of(idle("i", "a", 128, 5))))
                    .containsExactly(new Decision("c1", StartKind.WARM, "i", List.of()));
        }
    }

    @Nested
    class HeadOfLineBlocking {

        @Test
        void aLargeCallWaitingForMemoryDoesNotHoldUpSmallOnesBehindIt() {
            List<Env> pool = List.of(busy("b", "x", 768));
            List<Demand> calls = List.of(call("big", "large", 512), call("small", "tiny", 128));

            assertThat(decide(calls, pool)).extracting(Decision::callId).containsExactly("small");
        }

        @Test
        void oneThatStarvedPastTheLimitHoldsBackNewEnvironmentsButNotWarmReuse() {
            List<Env> pool = List.of(busy("b", "x", 768), idle("warm", "tiny", 64, 5));
            Demand starved = new Demand("big", "large:1", "large", 512, 0.25, 0, NOW.minus(STARVATION));
            List<Demand> calls = List.of(starved, call("reuse", "tiny", 64), call("new", "other", 64));

            assertThat(decide(calls, pool)).extracting(Decision::callId).containsExactly("reuse");
        }

        @Test
        void oneThatCouldNeverFitBesidePinnedEnvironmentsHoldsNothingBack() {
            Env pinned = new Env("p", "y:1", "y", new Idle(NOW, false), 768, 0.25, true);
            Demand never = new Demand("big", "large:1", "large", 512, 0.25, 0, NOW.minus(Duration.ofHours(1)));

            assertThat(decide(List.of(never, call("small", "tiny", 128)), List.of(pinned)))
                    .extracting(Decision::callId).containsExactly("small");
        }
    }

    @Nested
    class Prewarming {

        @Test
        void startsWhatIsMissingUpToEachMinimum() {
            List<WarmTarget> targets = List.of(new WarmTarget("a:1", "a", 128, 2, false));

            assertThat(Placement.prewarm(targets, List.of(idle("i", "a", 128, 5)), BUDGET, false, Set.of()))
                    .containsExactly(new Prewarm("a:1", List.of()));
        }

        @Test
        void onlyTakesFreeMemoryAndNeverEvictsForAMinimum() {
            List<WarmTarget> targets = List.of(new WarmTarget("a:1", "a", 256, 3, false));
            List<Env> pool = List.of(busy("b", "x", 512), idle("i", "y", 256, 500));

            assertThat(Placement.prewarm(targets, pool, BUDGET, false, Set.of())).hasSize(1);
        }

        @Test
        void aPinnedTaskEvictsIdleEnvironmentsOfOthersToGetItsOne() {
            List<WarmTarget> targets = List.of(new WarmTarget("p:1", "p", 512, 1, true));
            List<Env> pool = List.of(busy("b", "x", 512), idle("i", "y", 256, 5));

            assertThat(Placement.prewarm(targets, pool, BUDGET, true, Set.of()))
                    .containsExactly(new Prewarm("p:1", List.of("i")));
        }

        @Test
        void aPinnedTaskThatHasItsEnvironmentStartsNoOther() {
            List<WarmTarget> targets = List.of(new WarmTarget("p:1", "p", 128, 1, true));
            Env running = new Env("e", "p:1", "p", new Busy(NOW, false), 128, 0.25, true);

            assertThat(Placement.prewarm(targets, List.of(running), BUDGET, false, Set.of())).isEmpty();
        }

        @Test
        void leavesMemoryToWaitingCallsAndWaitsOutABackOff() {
            List<WarmTarget> targets = List.of(new WarmTarget("a:1", "a", 128, 1, false),
                    new WarmTarget("p:1", "p", 128, 1, true));

            assertThat(Placement.prewarm(targets, List.of(), BUDGET, true, Set.of()))
                    .extracting(Prewarm::poolKey).containsExactly("p:1");
            assertThat(Placement.prewarm(targets, List.of(), BUDGET, false, Set.of("p:1")))
                    .extracting(Prewarm::poolKey).containsExactly("a:1");
        }
    }

    @Nested
    class Expiry {

        @Test
        void expiresIdleEnvironmentsPastTheirOwnKeepAlive() {
            List<Env> pool = List.of(idle("short", "a", 128, 61), idle("long", "b", 128, 61), busy("busy", "c", 128));
            Map<String, Duration> keepAlive = Map.of("short", Duration.ofMinutes(1), "long", Duration.ofMinutes(10),
                    "busy", Duration.ZERO);

            assertThat(Placement.expired(pool, keepAlive, Map.of(), NOW)).containsExactly("short");
        }

        @Test
        void keepsEachVersionsMinimumAndEveryPinnedOne() {
            Env pinned = new Env("p", "p:1", "p", new Idle(NOW.minusSeconds(3600), false), 128, 0.25, true);
            List<Env> pool = List.of(idle("a1", "a", 128, 700), idle("a2", "a", 128, 650), pinned);
            Map<String, Duration> keepAlive = Map.of("a1", Duration.ofMinutes(10), "a2", Duration.ofMinutes(10),
                    "p", Duration.ofMinutes(10));

            assertThat(Placement.expired(pool, keepAlive, Map.of("a:1", 1), NOW)).containsExactly("a1");
        }
    }
}
