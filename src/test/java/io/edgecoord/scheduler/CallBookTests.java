package io.edgecoord.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionRequest;
import io.edgecoord.execution.ResourceManager;

import static org.assertj.core.api.Assertions.assertThat;

class CallBookTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    /** Offers every queued call, as the placement window does for a queue no longer than the round's slots. */
    private static final TaskQueues.Window ALL = (calls, slots, versions, acceptedSince) -> calls;

    private static ScheduledCall call(String id, int priority, Instant deadline, boolean clientWaits) {
        EnvironmentSpec spec = new EnvironmentSpec("hello", 1, "python3.11", "app.handle", 128, Map.of(),
                Path.of("/tmp"), false);
        return new ScheduledCall(new ExecutionRequest(id, spec, new byte[0], Duration.ofSeconds(3), deadline), null,
                T0, priority, 1, 0, clientWaits);
    }

    private static CallBook book(int maxConcurrent) {
        return new CallBook(new SchedulerProperties(maxConcurrent, 100, 10), new SimpleMeterRegistry());
    }

    private static List<String> offered(CallBook.Round round) {
        return round.candidates().stream().map(c -> c.request().invocationId()).toList();
    }

    @Test
    void aRoundTakesOutCallsPastTheirDeadlineAndOffersTheRestInTheOrderOfService() {
        CallBook book = book(8);
        book.add(call("low", 2, null, false), false);
        book.add(call("late", 9, T0.plusSeconds(1), false), false);
        book.add(call("high", 7, T0.plusSeconds(60), false), false);

        CallBook.Round round = book.nextRound(T0.plusSeconds(1), ALL);

        assertThat(round.late()).extracting(c -> c.request().invocationId()).containsExactly("late");
        assertThat(offered(round)).containsExactly("high", "low");
        assertThat(round.candidates()).extracting(ResourceManager.Candidate::waitingSince).containsOnly(T0);
        assertThat(round.slots()).isEqualTo(8);
        assertThat(book.queueDepth()).as("offered calls stay queued until placed").isEqualTo(2);
    }

    @Test
    void aRoundOffersNothingWhenNoSlotIsFree() {
        CallBook book = book(0);
        book.add(call("c1", 5, null, false), false);

        CallBook.Round round = book.nextRound(T0, ALL);

        assertThat(round.candidates()).isEmpty();
        assertThat(round.slots()).isZero();
    }

    @Test
    void whileDrainingOnlyCallsAClientWaitsForAreOffered() {
        CallBook book = book(8);
        book.add(call("async", 9, null, false), false);
        book.add(call("sync", 1, null, true), false);

        book.draining(true);

        assertThat(offered(book.nextRound(T0, ALL))).containsExactly("sync");
        book.draining(false);
        assertThat(offered(book.nextRound(T0, ALL))).containsExactly("async", "sync");
    }

    @Test
    void aRoundOffersWhatTheWindowKeepsOfTheQueueAndDrainsBeforeTheWindowLooks() {
        CallBook book = book(2);
        book.add(call("async1", 9, null, false), false);
        book.add(call("async2", 9, null, false), false);
        book.add(call("sync1", 5, null, true), false);
        book.add(call("sync2", 5, null, true), false);
        book.add(call("sync3", 5, null, true), false);
        List<String> seen = new java.util.ArrayList<>();
        TaskQueues.Window firstSlots = (calls, slots, versions, acceptedSince) -> {
            seen.add(slots + " slots, " + versions + " version, since " + acceptedSince);
            return calls.subList(0, Math.min(slots, calls.size()));
        };

        assertThat(offered(book.nextRound(T0, firstSlots))).containsExactly("async1", "async2");
        book.draining(true);
        assertThat(offered(book.nextRound(T0, firstSlots)))
            .as("the window sees only the calls a drain still starts, so they are not cut off behind the others")
            .containsExactly("sync1", "sync2");
        assertThat(seen).containsExactly("2 slots, 1 version, since " + T0, "2 slots, 1 version, since " + T0);
        assertThat(book.queueDepth()).isEqualTo(5);
    }

    @Test
    void aDrainEndsOnceNoQueuedCallHasAClientWaiting() throws InterruptedException {
        CallBook book = book(8);
        book.add(call("async", 5, null, false), false);
        book.add(call("sync", 5, null, true), false);

        assertThat(book.awaitDrained(Duration.ZERO)).isFalse();
        assertThat(book.remove("sync")).isPresent();
        assertThat(book.awaitDrained(Duration.ZERO)).as("a queued asynchronous call waits for the next start")
                .isTrue();
    }

    @Test
    void aCallIsTakenOutOfItsQueueOnce() {
        CallBook book = book(8);
        book.add(call("c1", 5, null, false), false);

        assertThat(book.remove("c1")).isPresent();
        assertThat(book.remove("c1")).isEmpty();
        assertThat(book.snapshot(null, null).queued()).isZero();
    }
}
