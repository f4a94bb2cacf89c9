package io.edgecoord.invocation.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.StartKind;
import io.edgecoord.invocation.InvocationStatus;
import io.edgecoord.invocation.lifecycle.InvocationProperties;

/**
 * The journal against a real database: what is written behind, what is durable on return, what
 * several callers share. Its window is the longest allowed (1 s), so that a record still in it can be
 * seen there.
 */
@DataJpaTest(properties = "edgecoord.invocation.write-behind=1s")
@Import({ InvocationStore.class, RecordJournal.class })
@EnableConfigurationProperties(InvocationProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class RecordJournalTests {

    private static final Instant T0 = Instant.parse("2026-12-07T09:00:00Z");

    @Autowired
    InvocationRepository invocations;

    @Autowired
    InvocationLogRepository logs;

    @Autowired
    InvocationStore store;

    @Autowired
    RecordJournal journal;

    @AfterEach
    void clean() {
        journal.flush();
        invocations.deleteAll();
    }

    private static Invocation call(String id, Invocation.Mode mode) {
        return Invocation.accept(id, "journal", 1, mode, "{}".getBytes(), T0);
    }

    @Test
    void aSynchronousCallsRecordIsKeptInMemoryAndWrittenWithTheNextBatch() {
        store.insert(call("sync-1", Invocation.Mode.SYNC));

        assertThat(store.find("sync-1")).map(Invocation::status).contains(InvocationStatus.QUEUED);
        assertThat(invocations.existsById("sync-1")).as("written behind").isFalse();

        journal.flush();

        assertThat(invocations.findById("sync-1")).map(Invocation::status).contains(InvocationStatus.QUEUED);
    }

    @Test
    void aJournalStoppedAndStartedAgainStillWrites() {
        store.insert(call("before-stop", Invocation.Mode.SYNC));
        journal.stop();
        assertThat(invocations.existsById("before-stop")).as("written at stop").isTrue();

        journal.start();
        store.insert(call("after-start", Invocation.Mode.ASYNC));
        store.insert(call("after-start-sync", Invocation.Mode.SYNC));
        journal.flush();

        assertThat(invocations.existsById("after-start")).isTrue();
        assertThat(invocations.existsById("after-start-sync")).isTrue();
    }

    @Test
    void anAsynchronousCallsRecordIsCommittedBeforeItsInsertReturns() {
        store.insert(call("async-1", Invocation.Mode.ASYNC));

        assertThat(invocations.existsById("async-1")).isTrue();
    }

    @Test
    void anAsynchronousCallsStartIsCommittedBeforeItReturnsAndItsEndIsWrittenBehind() {
        store.insert(call("async-2", Invocation.Mode.ASYNC));

        store.update("async-2", i -> i.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0), true);
        assertThat(invocations.findById("async-2")).map(Invocation::status).contains(InvocationStatus.RUNNING);

        store.update("async-2", i -> i.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(1)));
        assertThat(store.find("async-2")).map(Invocation::status).contains(InvocationStatus.SUCCEEDED);
        assertThat(invocations.findById("async-2")).map(Invocation::status).contains(InvocationStatus.RUNNING);
    }

    @Test
    void concurrentDurableInsertsShareCommits() throws Exception {
        long before = journal.batchesWritten();
        int clients = 16;
        int each = 20;
        List<Future<?>> done = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < each; n++) {
                        store.insert(call("many-" + client + "-" + n, Invocation.Mode.ASYNC));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }

        assertThat(invocations.count()).isEqualTo(clients * each);
        assertThat(journal.batchesWritten() - before).as("batches for %d durable inserts", clients * each)
                .isLessThan(clients * each);
    }

    @Test
    void anEndedRecordLeavesMemoryOnceWrittenAndLaterChangesGoToTheDatabase() {
        store.insert(call("ended", Invocation.Mode.SYNC));
        store.update("ended", i -> i.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0));
        store.update("ended", i -> i.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(1)));
        store.saveLog("ended", "printed\n", false);

        journal.flush();

        assertThat(journal.find("ended")).isEmpty();
        assertThat(invocations.findById("ended")).map(Invocation::status).contains(InvocationStatus.SUCCEEDED);
        store.update("ended", Invocation::releaseIdempotencyKey);
        assertThat(store.find("ended")).map(Invocation::status).contains(InvocationStatus.SUCCEEDED);
    }

    @Test
    void anEndedRecordWhoseOutputNeverComesLeavesMemoryAfterAGrace() {
        store.insert(call("silent", Invocation.Mode.SYNC));
        store.update("silent", i -> i.start("e1", StartKind.WARM, EnvironmentPolicy.Isolation.CONTAINER, T0));
        store.update("silent", i -> i.succeed("1".getBytes(), Duration.ZERO, T0.plusSeconds(1)));
        journal.flush();

        assertThat(journal.find("silent")).as("waits for its output a moment").isPresent();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> journal.find("silent").isEmpty());
        assertThat(invocations.findById("silent")).map(Invocation::status).contains(InvocationStatus.SUCCEEDED);
    }

    @Test
    void aListingSeesRecordsStillInTheWindow() {
        store.insert(call("listed", Invocation.Mode.SYNC));

        assertThat(store.search(InvocationQuery.of("journal", null), PageRequest.of(0, 10)).getContent())
                .extracting(Invocation::id).containsExactly("listed");
    }

    @Test
    void aRecordForgottenBeforeItWasWrittenIsNeverWritten() {
        store.insert(call("dropped", Invocation.Mode.SYNC));

        store.delete("dropped");
        journal.flush();

        assertThat(invocations.existsById("dropped")).isFalse();
        assertThat(store.find("dropped")).isEmpty();
    }

    @Test
    void anOutputIsReadFromMemoryUntilWrittenAndReplacesAnEarlierAttempts() {
        store.insert(call("printed", Invocation.Mode.ASYNC));
        store.saveLog("printed", "attempt 1\n", false);
        journal.flush();
        store.saveLog("printed", "attempt 2\n", false);

        assertThat(store.findLog("printed")).map(InvocationLog::text).contains("attempt 2\n");
        journal.flush();
        assertThat(logs.findById("printed")).map(InvocationLog::text).contains("attempt 2\n");
    }

    @Test
    void aRowTheDatabaseRefusesIsDroppedWithoutHoldingBackTheOthersInItsBatch() {
        Invocation refused = Invocation.accept("refused", "x".repeat(100), 1, Invocation.Mode.SYNC, "{}".getBytes(),
                T0);
        store.insert(refused);
        store.insert(call("fine", Invocation.Mode.SYNC));

        journal.flush();

        assertThat(invocations.existsById("fine")).isTrue();
        assertThat(invocations.existsById("refused")).isFalse();
        assertThat(journal.find("refused")).as("no longer kept").isEmpty();
    }
}
