package io.edgecoord.shadow;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads, decides and stores shadow updates, one transaction per attempt. Concurrent updates of one
 * shadow meet at the row's optimistic lock (or, for a first update, its primary key); the loser
 * runs again on the fresh document, so no update is lost, and one that named a version now gets
 * its 409. Events of an accepted update are published inside its transaction, after the flush.
 */
@Component
class ShadowStore {

    static final int ATTEMPTS = 32;

    private static final JsonMapper JSON = JsonMapper.shared();

    private final ShadowRepository shadows;

    private final TransactionTemplate transactions;

    private final ApplicationEventPublisher events;

    private final ShadowProperties properties;

    private final Clock clock;

    ShadowStore(ShadowRepository shadows, PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events, ShadowProperties properties, Clock clock) {
        this.shadows = shadows;
        this.transactions = new TransactionTemplate(transactionManager);
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** The device's live document, if it has one. */
    Optional<ShadowDocument> find(String device) {
        return this.shadows.findById(device).flatMap(ShadowStore::read);
    }

    /** The device's document as GET shows it, with the last actuation outcome under {@code metadata.actuation}. */
    Optional<ObjectNode> view(String device) {
        return this.shadows.findById(device).flatMap((shadow) -> read(shadow).map((document) -> {
            ObjectNode json = document.toJson();
            shadow.actuation().ifPresent((outcome) -> ((ObjectNode) json.get("metadata")).set("actuation",
                    JSON.readTree(outcome)));
            return json;
        }));
    }

    /**
     * Applies the request that {@code requestFor} makes from the current document (empty when there
     * is none). When it makes none, nothing is written and the result is empty.
     */
    Optional<ShadowChange> update(String device, Function<ShadowDocument, Optional<UpdateRequest>> requestFor,
            Long expectedVersion) {
        return retrying(() -> {
            Instant now = this.clock.instant();
            Shadow shadow = this.shadows.findById(device).orElseGet(() -> new Shadow(device));
            ShadowDocument current = read(shadow)
                .orElseGet(() -> ShadowDocument.empty(shadow.versionAt(now, this.properties.tombstoneTtl()), now));
            Optional<ShadowChange> change = requestFor.apply(current)
                .map((request) -> ShadowUpdate.apply(current, request, expectedVersion, this.properties, now));
            change.ifPresent((accepted) -> {
                ShadowDocument next = accepted.current();
                shadow.accept(next.stored().toString(), next.version(), now);
                this.shadows.saveAndFlush(shadow);
                publish(device, accepted, now);
            });
            return change;
        });
    }

    /**
     * Deletes the device's document, keeping a tombstone; empty when there was no document. Expired
     * tombstones are purged here, since deletes are what make them, so they never pile up.
     */
    Optional<ShadowDocument> delete(String device) {
        Instant now = this.clock.instant();
        Optional<ShadowDocument> deleted = retrying(() -> this.shadows.findById(device).flatMap((shadow) -> {
            Optional<ShadowDocument> document = read(shadow);
            document.ifPresent((live) -> {
                shadow.delete(now);
                this.shadows.saveAndFlush(shadow);
            });
            return document;
        }));
        this.shadows.deleteTombstonesBefore(now.minus(this.properties.tombstoneTtl()));
        return deleted;
    }

    /** Records the outcome of writing desired values to the device; it does not move the version. */
    void recordActuation(String device, ObjectNode outcome) {
        retrying(() -> this.shadows.findById(device).map((shadow) -> {
            shadow.recordActuation(outcome.toString());
            return this.shadows.saveAndFlush(shadow);
        }));
    }

    private void publish(String device, ShadowChange change, Instant now) {
        this.events.publishEvent(new ShadowAccepted(device, change));
        ObjectNode delta = change.current().delta();
        if (change.deltaChanged()) {
            this.events.publishEvent(new ShadowDeltaChanged(device, delta, change.current().version(), now));
        }
        if (change.desiredTouched() && !delta.isEmpty()) {
            this.events.publishEvent(new ActuationDue(device, change.current().version()));
        }
    }

    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return this.transactions.execute((status) -> work.get());
            }
            catch (ConcurrencyFailureException | DataIntegrityViolationException ex) {
                if (attempt == ATTEMPTS) {
                    throw new ShadowVersionConflictException(ATTEMPTS);
                }
            }
        }
    }

    private static Optional<ShadowDocument> read(Shadow shadow) {
        return shadow.document()
            .map((document) -> ShadowDocument.read(JSON.readTree(document), shadow.version(), shadow.updatedAt()));
    }
}
