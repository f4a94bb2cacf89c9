package io.edgecoord.invocation;

/**
 * What made the coordinator invoke a task by itself, recorded with the invocation.
 *
 * @param subscription the id of the subscription that routed the event
 * @param source the event's source, such as {@code device:thermostat-1} or {@code schedule:nightly}
 * @param topic the event's topic, such as {@code devices/thermostat-1/readings/status}
 */
public record InvocationCause(String subscription, String source, String topic) {
}
