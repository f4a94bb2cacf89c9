package io.edgecoord.invocation.api;

import java.time.Duration;

import io.edgecoord.invocation.InvalidCallLimitException;

/**
 * What a caller asks of one call beyond its event: a deadline ({@value #DEADLINE_HEADER}:
 * milliseconds from now, 1 to {@link #MAX_DEADLINE}) and a priority ({@value #PRIORITY_HEADER}:
 * 0..9, at most its task's). Either may be absent (null).
 *
 * @param deadlineIn how long from acceptance the call stays useful, or null for no deadline
 * @param priority the priority asked for, or null for the task's own
 */
public record CallLimits(Duration deadlineIn, Integer priority) {

    static final String DEADLINE_HEADER = "Edgecoord-Deadline-Ms";
    static final String PRIORITY_HEADER = "Edgecoord-Priority";
    static final Duration MAX_DEADLINE = Duration.ofHours(24);
    public static final CallLimits NONE = new CallLimits(null, null);

    /**
     * Reads the two headers, either of which may be null.
     *
     * @throws InvalidCallLimitException when one is not a whole number in its range
     */
    static CallLimits parse(String deadlineMs, String priority) {
        Duration deadline = deadlineMs == null ? null
                : Duration.ofMillis(number(DEADLINE_HEADER, deadlineMs, 1, MAX_DEADLINE.toMillis()));
        Integer asked = priority == null ? null : (int) number(PRIORITY_HEADER, priority, 0, 9);
        return new CallLimits(deadline, asked);
    }

    /** The call's priority: what it asked for, but never above its task's. */
    public int priorityWithin(int taskPriority) {
        return priority == null ? taskPriority : Math.min(priority, taskPriority);
    }

    private static long number(String header, String value, long min, long max) {
        String trimmed = value.trim();
        if (!trimmed.matches("\\d{1,18}")) {
            throw new InvalidCallLimitException(header, value, min, max);
        }
        long number = Long.parseLong(trimmed);
        if (number < min || number > max) {
            throw new InvalidCallLimitException(header, value, min, max);
        }
        return number;
    }
}
