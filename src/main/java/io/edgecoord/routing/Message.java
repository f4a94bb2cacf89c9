package io.edgecoord.routing;

/**
 * One event on its way to one route's target.
 *
 * @param route the route that matched
 * @param event the event
 * @param priority whether it jumps the queue (connectivity changes) and is dropped last
 * @param hops how many routed task invocations led to this event; see {@link LoopGuard}
 */
record Message(Route route, Envelope event, boolean priority, int hops) {
}
