package io.edgecoord.device.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.edgecoord.device.polling.Connectivity;

/**
 * A device as the API shows it: its definition with defaults resolved, and its read-only
 * connectivity.
 *
 * @param id server-assigned
 * @param name unique name
 * @param description free text
 * @param labels free labels
 * @param profile its profile's name
 * @param protocol how it is reached, with the link it sits on
 * @param polling interval, timeout and source in effect
 * @param adminState UNLOCKED or LOCKED
 * @param metrics whether its last values are Prometheus gauges
 * @param connectivity derived by the service; not writable
 * @param operatingState EdgeX's view of connectivity: UP, DOWN or UNKNOWN
 * @param revision also the ETag
 * @param createdAt when it was registered
 * @param modifiedAt when it last changed
 */
record DeviceResponse(UUID id, String name, String description, List<String> labels, String profile,
        ProtocolBinding protocol, Polling polling, AdminState adminState, boolean metrics, Connectivity connectivity,
        String operatingState, long revision, Instant createdAt, Instant modifiedAt) {

    static DeviceResponse of(StoredDevice device, Connectivity connectivity) {
        RegisterDeviceRequest definition = device.definition();
        PolledDevice polled = device.polled();
        String operating = switch (connectivity.status()) {
            case ONLINE -> "UP";
            case OFFLINE -> "DOWN";
            case UNKNOWN -> "UNKNOWN";
        };
        return new DeviceResponse(device.id(), definition.name(), definition.description(), definition.labels(),
                definition.profile(),
                (polled.binding() instanceof OpcUaBinding opcua) ? opcua.redacted() : polled.binding(),
                Polling.of(polled.interval(), polled.timeout(), definition.polling().source()),
                definition.adminState(), definition.metrics(), connectivity, operating, device.revision(), device.createdAt(),
                device.modifiedAt());
    }
}
