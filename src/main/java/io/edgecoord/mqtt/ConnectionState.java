package io.edgecoord.mqtt;

import java.time.Instant;

/**
 * Where a client connection of the coordinator stands (the external broker, the bridge's upstream).
 *
 * @param connected whether it is connected now
 * @param since when it last connected or was lost
 * @param failures failed attempts since it was last connected
 * @param error why the last attempt failed or the connection was lost, if it did
 */
record ConnectionState(boolean connected, Instant since, int failures, String error) {

    static ConnectionState connecting(Instant now) {
        return new ConnectionState(false, now, 0, null);
    }

    ConnectionState up(Instant now) {
        return new ConnectionState(true, now, 0, null);
    }

    ConnectionState failed(Instant now, String why) {
        return new ConnectionState(false, connected ? now : since, failures + 1, why);
    }
}
