package io.edgecoord.routing;

import java.time.Instant;

/**
 * A subscription as the API shows it.
 *
 * @param subject the topic filter; for a schedule, the topic its events are published on
 * @param schedule a schedule's cron expression, else null
 */
record SubscriptionResponse(String id, String source, String subject, String target, String schedule,
        Instant createdAt) {

    static SubscriptionResponse from(Subscription s) {
        return new SubscriptionResponse(s.id(), s.source(), s.subject(), s.target(), s.schedule(), s.createdAt());
    }
}
