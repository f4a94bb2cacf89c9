package io.edgecoord.mqtt;

import java.util.function.Consumer;

/**
 * Lets other modules hear what clients publish on the broker: every message a client publishes,
 * once the broker has allowed it, and a client's last will when its connection is lost (if its key
 * may publish there), on a topic the filter matches. Listeners run on the broker's
 * intercept thread, one message after another, so they must be quick and must not block for long.
 */
public interface MqttSubscriptions {

    /** Calls {@code listener} for each client message on a topic matching {@code filter}. */
    void onPublish(String filter, Consumer<MqttReceived> listener);
}
