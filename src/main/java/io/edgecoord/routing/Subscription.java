package io.edgecoord.routing;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.edgecoord.persistence.AssignedIdEntity;

/**
 * The durable record of a subscription. Immutable once created: to change a route, delete it and
 * create another. A schedule's subject is the topic its events are published on.
 */
@Entity
@Table(name = "subscription")
class Subscription extends AssignedIdEntity {

    @Id
    private String id;
    private String source;
    private String subject;
    private String target;
    private String schedule;
    private Instant createdAt;

    protected Subscription() {
    }

    static Subscription create(String id, Definition definition, String schedule, Instant at) {
        Subscription subscription = new Subscription();
        subscription.id = id;
        subscription.source = definition.source().apiName();
        subscription.subject = definition.subject() == null ? Topics.schedule(id) : definition.subject().text();
        subscription.target = definition.target().text();
        subscription.schedule = schedule;
        subscription.createdAt = at;
        return subscription;
    }

    /** The route this record stands for, checked again as the API would. */
    Route route() {
        boolean scheduled = SourceKind.parse(source) == SourceKind.SCHEDULE;
        return new Route(id, Definition.parse(source, scheduled ? null : subject, target, schedule));
    }

    @Override
    public String getId() {
        return id;
    }

    String id() { return id; }
    String source() { return source; }
    String subject() { return subject; }
    String target() { return target; }
    String schedule() { return schedule; }
    Instant createdAt() { return createdAt; }
}
