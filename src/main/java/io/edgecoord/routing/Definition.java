package io.edgecoord.routing;

import org.springframework.scheduling.support.CronExpression;

/**
 * What a subscription asks for, checked: events of {@code source} on topics matching
 * {@code subject} go to {@code target}; a {@code schedule} source has a cron expression instead
 * of a subject.
 *
 * @param source where events come from
 * @param subject the topic filter, or null for a schedule
 * @param target where they go
 * @param schedule the cron expression (6 fields, Spring's syntax) of a schedule, else null
 */
record Definition(SourceKind source, TopicFilter subject, Target target, CronExpression schedule) {

    /**
     * Checks a subscription as the API receives it.
     *
     * @throws InvalidSubscriptionException naming the field that is wrong
     */
    static Definition parse(String source, String subject, String target, String schedule) {
        SourceKind kind = SourceKind.parse(source);
        Target to = Target.parse(target);
        if (kind == SourceKind.SCHEDULE) {
            if (subject != null) {
                throw new InvalidSubscriptionException("subject", "A schedule has no subject: its events are "
                        + "published on schedules/{id}.");
            }
            return new Definition(kind, null, requireTaskTarget(kind, to), cron(schedule));
        }
        if (schedule != null) {
            throw new InvalidSubscriptionException("schedule", "Only a subscription whose source is schedule has a "
                    + "schedule.");
        }
        TopicFilter filter = TopicFilter.parse(subject);
        if (!kind.canMatch(filter)) {
            throw new InvalidSubscriptionException("subject", "The subject '" + subject + "' can never match a topic "
                    + "of source " + kind.apiName() + ".");
        }
        return new Definition(kind, filter, kind == SourceKind.TASKS ? to : requireTaskTarget(kind, to), null);
    }

    /** A shadow's desired state and an MQTT publish come only from a task's result, never from a raw event. */
    private static Target requireTaskTarget(SourceKind kind, Target target) {
        return switch (target) {
            case Target.Task task -> task;
            case Target.Shadow shadow -> throw new InvalidSubscriptionException("target", "A shadow target takes "
                    + "task results only (source tasks), not events of source " + kind.apiName() + ".");
            case Target.Mqtt mqtt -> throw new InvalidSubscriptionException("target", "An mqtt target takes "
                    + "task results only (source tasks), not events of source " + kind.apiName() + ".");
        };
    }

    private static CronExpression cron(String schedule) {
        if (schedule == null || schedule.isBlank()) {
            throw new InvalidSubscriptionException("schedule", "A schedule needs a cron expression, such as "
                    + "'0 */5 * * * *'.");
        }
        try {
            return CronExpression.parse(schedule);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidSubscriptionException("schedule", "The schedule '" + schedule + "' is not a valid cron "
                    + "expression (second minute hour day-of-month month day-of-week): " + ex.getMessage());
        }
    }
}
