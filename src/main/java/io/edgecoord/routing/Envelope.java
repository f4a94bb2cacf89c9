package io.edgecoord.routing;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An event as the router delivers it, shaped like a CloudEvent; a task target receives it as
 * its payload.
 *
 * @param id unique per event (a task result's is the invocation's id)
 * @param type {@code device.readings}, {@code device.connectivity}, {@code shadow.delta},
 *     {@code task.result} or {@code schedule.fired}; also the {@code subject_class} of metrics
 * @param source what emitted it: {@code device:<name>}, {@code shadow:<device>}, {@code task:<name>}
 *     or {@code schedule:<subscription id>}
 * @param subject the topic it was published on
 * @param time when it happened
 * @param data what happened
 */
record Envelope(String id, String type, String source, String subject, Instant time, JsonNode data) {
}
