package io.edgecoord.routing;

/**
 * A subscription as the router holds it in memory: its id and its checked definition.
 *
 * @param id the subscription's id
 * @param definition what it routes, from where to where
 */
record Route(String id, Definition definition) {

    /** Whether an event of this source on this topic is for this route; never for a schedule. */
    boolean matches(SourceKind source, String topic) {
        return definition.source() == source && definition.subject() != null && definition.subject().matches(topic);
    }

    Target target() {
        return definition.target();
    }
}
