package io.edgecoord.web;

import java.util.Set;

/**
 * Ports this coordinator listens on, which no device may be reached at on any of this machine's
 * addresses, whatever {@code edgecoord.device.network.allow} says. A module that opens a port of
 * its own (an MQTT broker, say) declares a bean of this type; ports may appear after start-up.
 */
@FunctionalInterface
public interface CoordinatorPorts {

    /** The ports listened on now. */
    Set<Integer> ports();
}
