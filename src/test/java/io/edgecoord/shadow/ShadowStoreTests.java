package io.edgecoord.shadow;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import static io.edgecoord.shadow.Json.json;
import static io.edgecoord.shadow.Json.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Shadows stored in the database: documents, tombstones, and updates that race. */
@DataJpaTest
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@Import({ ShadowStore.class, ShadowConfiguration.class, ShadowStoreTests.Clocks.class })
@RecordApplicationEvents
class ShadowStoreTests {

    static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Autowired
    ShadowStore store;

    @Autowired
    ShadowRepository repository;

    @Autowired
    MutableClock clock;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void startEmpty() {
        this.repository.deleteAll();
    }

    @Test
    void storesTheDocumentAndShowsItWithItsDelta() {
        update("lamp", "{'state':{'desired':{'on':true},'reported':{'on':false}}}", null);
        ShadowDocument stored = this.store.find("lamp").orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.desired()).isEqualTo(object("{'on':true}"));
        assertThat(this.store.view("lamp").orElseThrow().at("/state/delta")).isEqualTo(object("{'on':true}"));
        assertThat(this.store.find("other")).isEmpty();
    }

    @Test
    void aTombstoneKeepsTheVersionSoNumberingContinues() {
        for (int i = 0; i < 3; i++) {
            update("lamp", "{'state':{'reported':{'n':" + i + "}}}", null);
        }
        assertThat(this.store.delete("lamp")).get().extracting(ShadowDocument::version).isEqualTo(3L);
        assertThat(this.store.find("lamp")).isEmpty();
        assertThat(this.store.delete("lamp")).isEmpty();
        this.clock.advance(Duration.ofHours(47));
        assertThat(update("lamp", "{'state':{'reported':{'n':9}}}", null).current().version()).isEqualTo(4);
    }

    @Test
    void numberingRestartsOnceTheTombstoneHasExpired() {
        update("lamp", "{'state':{'reported':{'n':1}}}", null);
        update("lamp", "{'state':{'reported':{'n':2}}}", null);
        this.store.delete("lamp");
        this.clock.advance(Duration.ofHours(48));
        ShadowChange change = update("lamp", "{'state':{'reported':{'n':3}}}", null);
        assertThat(change.current().version()).isEqualTo(1);
        assertThat(change.current().reported()).isEqualTo(object("{'n':3}"));
    }

    @Test
    void purgesOnlyExpiredTombstones() {
        update("old", "{'state':{}}", null);
        this.store.delete("old");
        update("live", "{'state':{}}", null);
        assertThat(this.repository.deleteTombstonesBefore(this.clock.instant().plusSeconds(1))).isOne();
        assertThat(this.repository.findAll()).extracting(Shadow::device).containsExactly("live");
    }

    @Test
    void aRequestThatChangesNothingWritesNothing() {
        update("lamp", "{'state':{'reported':{'n':1}}}", null);
        assertThat(this.store.update("lamp", (current) -> Optional.empty(), null)).isEmpty();
        assertThat(this.store.find("lamp").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void recordsTheActuationOutcomeWithoutMovingTheVersion() {
        update("lamp", "{'state':{'desired':{'on':true}}}", null);
        this.store.recordActuation("lamp", object("{'status':'FAILED'}"));
        assertThat(this.store.view("lamp").orElseThrow().at("/metadata/actuation/status").stringValue())
            .isEqualTo("FAILED");
        assertThat(this.store.find("lamp").orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void publishesDeltaChangesAndActuationOnlyForDesiredChanges() {
        update("lamp", "{'state':{'desired':{'on':true}}}", null);
        update("lamp", "{'state':{'reported':{'lvl':1}}}", null);
        assertThat(this.events.stream(ShadowDeltaChanged.class)).singleElement()
            .satisfies((event) -> assertThat(event.delta()).isEqualTo(object("{'on':true}")));
        assertThat(this.events.stream(ActuationDue.class)).containsExactly(new ActuationDue("lamp", 1));
    }

    @Test
    void concurrentUpdatesWithoutAVersionAreNeverLost() throws Exception {
        List<Callable<ShadowChange>> writers = IntStream.range(0, 40)
            .mapToObj((i) -> (Callable<ShadowChange>) () -> update("lamp", "{'state':{'reported':{'k" + i + "':1}}}",
                    null))
            .toList();
        try (ExecutorService executor = Executors.newFixedThreadPool(8)) {
            for (Future<ShadowChange> result : executor.invokeAll(writers)) {
                result.get();
            }
        }
        ShadowDocument stored = this.store.find("lamp").orElseThrow();
        assertThat(stored.version()).isEqualTo(40);
        assertThat(stored.reported().size()).isEqualTo(40);
    }

    @Test
    void concurrentUpdatesOfOneVersionAcceptOneAndRefuseTheRestWithAConflict() throws Exception {
        update("lamp", "{'state':{'desired':{'n':0}}}", null);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> writers = IntStream.range(0, 6).mapToObj((i) -> (Callable<Boolean>) () -> {
            start.await();
            try {
                update("lamp", "{'state':{'desired':{'n':" + i + "}},'version':1}", null);
                return true;
            }
            catch (ShadowVersionConflictException ex) {
                return false;
            }
        }).toList();
        int accepted = 0;
        try (ExecutorService executor = Executors.newFixedThreadPool(6)) {
            List<Future<Boolean>> results = writers.stream().map(executor::submit).toList();
            start.countDown();
            for (Future<Boolean> result : results) {
                accepted += result.get() ? 1 : 0;
            }
        }
        assertThat(accepted).isOne();
        assertThat(this.store.find("lamp").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void refusesAStaleIfMatchWithoutWriting() {
        update("lamp", "{'state':{}}", null);
        assertThatExceptionOfType(ShadowVersionConflictException.class)
            .isThrownBy(() -> update("lamp", "{'state':{'desired':{'a':1}}}", 5L));
        assertThat(this.store.find("lamp").orElseThrow().desired()).isEmpty();
    }

    private ShadowChange update(String device, String body, Long ifMatch) {
        UpdateRequest request = UpdateRequest.parse(json(body), 6);
        return this.store.update(device, (current) -> Optional.of(request), ifMatch).orElseThrow();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {

        @Bean
        MutableClock clock() {
            return new MutableClock(T0);
        }
    }
}
