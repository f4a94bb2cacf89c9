package io.edgecoord.mqtt;

import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.security.IAuthenticator;

import io.edgecoord.security.KeyVerifier;

/**
 * Lets a client connect when its user name is an API key's id and its password that key's secret
 * (or a ticket the TLS front issued for that key once the client's certificate proved it, while
 * the key is in force), and while fewer than {@code maxConnections} clients are connected. Clients
 * without a user name never reach here: the broker refuses them itself unless anonymous clients
 * are allowed.
 */
class KeyAuthenticator implements IAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(KeyAuthenticator.class);

    private final KeyVerifier keys;
    private final IntSupplier connected;
    private final int maxConnections;
    private final BrokerMetrics metrics;
    private final Tickets tickets;

    KeyAuthenticator(KeyVerifier keys, IntSupplier connected, int maxConnections, BrokerMetrics metrics,
            Tickets tickets) {
        this.tickets = tickets;
        this.keys = keys;
        this.connected = connected;
        this.maxConnections = maxConnections;
        this.metrics = metrics;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (connected.getAsInt() >= maxConnections) {
            log.warn("MQTT client {} refused: {} clients are connected, the most allowed (edgecoord.mqtt.max-connections)",
                    clientId, maxConnections);
            metrics.refused("connections");
            return false;
        }
        String secret = (password != null) ? new String(password, StandardCharsets.UTF_8) : null;
        boolean valid = tickets.redeem(username, password) ? keys.proven(username).isPresent()
                : keys.verify(username, secret).isPresent();
        if (!valid) {
            log.info("MQTT client {} refused: user name {} is no usable key id, or the password is not its secret",
                    clientId, username);
            metrics.refused("authentication");
        }
        return valid;
    }
}
