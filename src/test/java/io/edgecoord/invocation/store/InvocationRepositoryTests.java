package io.edgecoord.invocation.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.ErrorSource;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.InvocationProperties;
import io.edgecoord.invocation.lifecycle.RetryPolicy;

@DataJpaTest
@Import({ InvocationStore.class, RecordJournal.class })
@EnableConfigurationProperties(InvocationProperties.class)
class InvocationRepositoryTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    @Autowired
    InvocationRepository invocations;

    @Autowired
    InvocationLogRepository logs;

    @Autowired
    InvocationStore store;

    @Autowired
    TestEntityManager entities;

    private Invocation saved(String id, String task, int secondsAfter, boolean succeed) {
        Invocation invocation = Invocation.accept(id, task, 1, Invocation.Mode.ASYNC, "{\"a\":1}".getBytes(),
                T0.plusSeconds(secondsAfter));
        if (succeed) {
            invocation.start("e1", StartKind.COLD, EnvironmentPolicy.Isolation.CONTAINER, T0);
            invocation.succeed("\"r\"".getBytes(), Duration.ofMillis(250), T0.plusSeconds(secondsAfter + 1));
        }
        return invocations.saveAndFlush(invocation);
    }

    @Test
    void searchesByTaskAndStatusNewestFirst() {
        saved("a", "one", 1, true);
        saved("b", "one", 2, false);
        saved("c", "one", 3, true);
        saved("d", "two", 4, true);

        var page = store.search(InvocationQuery.of("one", InvocationStatus.SUCCEEDED), PageRequest.of(0, 10));

        assertThat(page.getContent()).extracting(Invocation::id).containsExactly("c", "a");
        assertThat(store.search(InvocationQuery.of(null, null), PageRequest.of(0, 2)).getTotalElements()).isEqualTo(4);
        assertThat(store.search(InvocationQuery.of("two", null), PageRequest.of(0, 2)).getContent()).hasSize(1);
    }

    @Test
    void searchesByAcceptanceTimeSinceInclusiveUntilExclusive() {
        saved("a", "one", 1, true);
        saved("b", "one", 2, true);
        saved("c", "one", 3, true);

        var window = new InvocationQuery(null, null, T0.plusSeconds(2), T0.plusSeconds(3), null);

        assertThat(store.search(window, PageRequest.of(0, 10)).getContent()).extracting(Invocation::id)
                .containsExactly("b");
    }

    @Test
    void aCursorContinuesAfterTheLastRecordSeenEvenWhenNewerOnesArriveAndTimesTie() {
        saved("a", "one", 1, true);
        saved("b2", "one", 2, true);
        saved("b1", "one", 2, true);
        saved("c", "one", 3, true);
        var first = store.search(InvocationQuery.of(null, null), PageRequest.of(0, 2));
        assertThat(first.getContent()).extracting(Invocation::id).containsExactly("c", "b1");

        saved("new", "one", 9, true); // page numbers would now show b1 again; the cursor does not
        var cursor = InvocationCursor.decode(InvocationCursor.after(first.getContent().getLast()).encode());
        var second = store.search(new InvocationQuery(null, null, null, null, cursor), PageRequest.of(0, 2));

        assertThat(second.getContent()).extracting(Invocation::id).containsExactly("b2", "a");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void keepsEveryFieldOfTheRecordAndItsLog() {
        saved("x", "one", 0, true);
        logs.saveAndFlush(new InvocationLog("x", "printed\n", false));

        Invocation read = invocations.findById("x").orElseThrow();
        assertThat(read.payload()).asString().isEqualTo("{\"a\":1}");
        assertThat(read.result()).asString().isEqualTo("\"r\"");
        assertThat(read.startKind()).isEqualTo(StartKind.COLD);
        assertThat(read.isolation()).isEqualTo(EnvironmentPolicy.Isolation.CONTAINER);
        assertThat(read.initDurationMs()).isEqualTo(250);
        assertThat(read.acceptedAt()).isEqualTo(T0);
        assertThat(logs.findById("x").orElseThrow().text()).isEqualTo("printed\n");
    }

    @Test
    void findsWhatIsUnfinished() {
        saved("done", "one", 0, true);
        saved("waiting", "one", 1, false);

        assertThat(invocations.findByStatusInOrderByAcceptedAt(
                List.of(InvocationStatus.QUEUED, InvocationStatus.RUNNING))).extracting(Invocation::id)
                .containsExactly("waiting");
    }

    @Test
    void keepsTheAttemptRetryDeadLetterAndIdempotencyFields() {
        Invocation invocation = Invocation.accept("r", "one", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0)
                .idempotent("key-1", "ab".repeat(32)).replaying("dead-1");
        invocation.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocation.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ZERO, T0.plusSeconds(1));
        invocation.retryAt(T0.plusSeconds(2));
        invocations.saveAndFlush(invocation);

        Invocation read = invocations.findByTaskNameAndIdempotencyKey("one", "key-1").orElseThrow();
        assertThat(read.status()).isEqualTo(InvocationStatus.QUEUED);
        assertThat(read.attempt()).isEqualTo(2);
        assertThat(read.queuedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(read.errorType()).isEqualTo("ValueError");
        assertThat(read.payloadSha256()).isEqualTo("ab".repeat(32));
        assertThat(read.replayOf()).isEqualTo("dead-1");

        read.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0.plusSeconds(2));
        read.fail(ErrorSource.FUNCTION, "ValueError", "boom", null, Duration.ZERO, T0.plusSeconds(3));
        read.deadLetter(RetryPolicy.RETRIES_EXHAUSTED, T0.plusSeconds(3));
        invocations.saveAndFlush(read);
        assertThat(store.search(InvocationQuery.of(null, InvocationStatus.DEAD_LETTERED), PageRequest.of(0, 10)).getContent())
                .extracting(Invocation::id, Invocation::deadLetterReason)
                .containsExactly(tuple("r", RetryPolicy.RETRIES_EXHAUSTED));
    }

    @Test
    void aCancelRequestTouchesOnlyItsColumnAndSurvivesTheCallsOwnLaterUpdate() {
        Invocation running = Invocation.accept("c", "one", 1, Invocation.Mode.ASYNC, "{}".getBytes(), T0);
        running.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0);
        invocations.saveAndFlush(running);
        saved("d", "one", 0, true);

        assertThat(invocations.requestCancel("c", T0.plusSeconds(1))).isEqualTo(1);
        assertThat(invocations.requestCancel("d", T0.plusSeconds(1))).isZero();
        // The call's own copy, loaded before the request, ends it: only what it changed is written.
        running.cancel("by its client", Duration.ZERO, T0.plusSeconds(2));
        invocations.saveAndFlush(running);
        entities.clear();

        Invocation read = invocations.findById("c").orElseThrow();
        assertThat(read.status()).isEqualTo(InvocationStatus.CANCELLED);
        assertThat(read.cancelRequestedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(invocations.findById("d").orElseThrow().cancelRequestedAt()).isNull();
    }

    @Test
    void keepsThePriorityDeadlineStepsAndAPrewarmedStartThroughTheDatabase() {
        Invocation invocation = Invocation.accept("p", "one", 1, Invocation.Mode.SYNC, "{}".getBytes(), T0)
                .scheduled(3, T0.plusMillis(2500));
        invocation.start("e1", StartKind.PREWARMED, EnvironmentPolicy.Isolation.CONTAINER, T0.plusMillis(20));
        invocation.attemptSteps(T0.plusMillis(10), T0.plusMillis(30));
        invocation.cancel("by its client", Duration.ZERO, T0.plusSeconds(1));
        invocations.saveAndFlush(invocation);
        entities.clear();

        Invocation read = invocations.findById("p").orElseThrow();
        assertThat(read.startKind()).isEqualTo(StartKind.PREWARMED);
        assertThat(read.status()).isEqualTo(InvocationStatus.CANCELLED);
        assertThat(read.priority()).isEqualTo(3);
        assertThat(read.deadlineAt()).isEqualTo(T0.plusMillis(2500));
        assertThat(read.dispatchedAt()).isEqualTo(T0.plusMillis(10));
        assertThat(read.handedOverAt()).isEqualTo(T0.plusMillis(30));
    }

    @Test
    void anIdempotencyKeyNamesOneCallPerTask() {
        invocations.saveAndFlush(keyed("first", "one", "k"));
        invocations.saveAndFlush(keyed("other-task", "two", "k"));
        invocations.saveAndFlush(keyed("no-key-1", "one", null));
        invocations.saveAndFlush(keyed("no-key-2", "one", null));

        assertThatExceptionOfType(DataIntegrityViolationException.class)
                .isThrownBy(() -> invocations.saveAndFlush(keyed("second", "one", "k")));
    }

    @Autowired
    RecordJournal journal;

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aLogStoredAgainReplacesTheOneOfTheAttemptBefore() {
        try {
            saved("l", "one", 0, true);
            store.saveLog("l", "attempt 1\n", false);
            journal.flush();
            store.saveLog("l", "attempt 2\n", true);
            journal.flush();

            assertThat(logs.findById("l").orElseThrow().text()).isEqualTo("attempt 2\n");
        }
        finally {
            invocations.deleteById("l");
        }
    }

    private static Invocation keyed(String id, String task, String key) {
        Invocation invocation = Invocation.accept(id, task, 1, Invocation.Mode.SYNC, "{}".getBytes(), T0);
        return key == null ? invocation : invocation.idempotent(key, "00".repeat(32));
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void aSecondCallRecordedWithTheSameKeyFailsAtItsCommitAsADataIntegrityViolation() {
        try {
            store.insert(keyed("race-1", "race", "k"));

            assertThatExceptionOfType(DataIntegrityViolationException.class)
                    .isThrownBy(() -> store.insert(keyed("race-2", "race", "k")));
        }
        finally {
            invocations.deleteAll(invocations.findAllById(List.of("race-1", "race-2")));
        }
    }
}
