package io.edgecoord.device.registry;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered device as the registry keeps it in memory: the definition as given, what it
 * resolves to, and its revision.
 *
 * @param id server-assigned
 * @param definition the definition as given
 * @param polled the definition resolved against its profile and the settings
 * @param revision the optimistic lock and ETag
 * @param createdAt when it was registered
 * @param modifiedAt when it last changed
 */
public record StoredDevice(UUID id, RegisterDeviceRequest definition, PolledDevice polled, long revision, Instant createdAt,
        Instant modifiedAt) {

    String name() {
        return this.definition.name();
    }
}
