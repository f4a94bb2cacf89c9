package io.edgecoord.routing;

import jakarta.validation.constraints.NotBlank;

/**
 * A subscription to create.
 *
 * @param source {@code devices}, {@code shadows}, {@code tasks} or {@code schedule}
 * @param subject an MQTT topic filter over the source's topics; absent for a schedule
 * @param target {@code task:<name>}, or {@code shadow:<device>} for a source of {@code tasks}
 * @param schedule for a schedule, a 6-field cron expression (second first), in UTC
 */
record CreateSubscriptionRequest(@NotBlank String source, String subject, @NotBlank String target,
        String schedule) {
}
