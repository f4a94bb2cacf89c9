package io.edgecoord.routing;

import java.util.List;

/**
 * Creates and deletes subscriptions on behalf of a configuration bundle, inside the caller's
 * transaction: the rows are written at once, the route table and schedules change only after the
 * caller commits, and not at all when it rolls back. A subscription has no name, so a bundle
 * knows one by what it says: source, subject, target and schedule.
 */
public interface SubscriptionBundles {

    /**
     * What a subscription says, as the API spells it.
     *
     * @param source {@code devices}, {@code shadows}, {@code tasks}, {@code mqtt} or {@code schedule}
     * @param subject the topic filter; {@code null} for a schedule
     * @param target {@code task:<name>} or {@code shadow:<device>}
     * @param schedule the cron expression of a schedule, else {@code null}
     */
    record Spec(String source, String subject, String target, String schedule) {
    }

    /**
     * A stored subscription.
     *
     * @param id its id
     * @param spec what it says
     */
    record Stored(String id, Spec spec) {
    }

    /** Every stored subscription. */
    List<Stored> list();

    /**
     * Checks and stores a subscription; it routes once the caller's transaction commits.
     *
     * @throws InvalidSubscriptionException naming the field that is wrong
     * @throws org.springframework.web.ErrorResponseException (403, permission-denied) for an
     *     {@code mqtt} subscription whose task's {@code permissions.subscribe} does not cover it
     */
    String create(Spec spec);

    /** Deletes a subscription; it stops routing once the caller's transaction commits. */
    void delete(String id);
}
