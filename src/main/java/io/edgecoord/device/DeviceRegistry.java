package io.edgecoord.device;

import java.util.Optional;

/** Looks up registered devices, for other modules. */
public interface DeviceRegistry {

    Optional<DeviceInfo> find(String name);
}
