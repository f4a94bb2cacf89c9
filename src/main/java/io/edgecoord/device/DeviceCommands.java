package io.edgecoord.device;

import java.util.Collection;
import java.util.Map;

/**
 * Reads and writes a device's resources through its protocol binding, through the same per-link
 * gate as polls. Implementations throw {@code ErrorResponseException}s with problem types:
 * device not found (404), device locked (423), value invalid or resource not writable (400),
 * device failed or did not answer (502/504).
 */
public interface DeviceCommands {

    /** Reads resources now; returns their values after the profile's transforms. */
    Map<String, Object> read(String device, Collection<String> resources);

    /**
     * Writes values to writable resources, then reads them back to confirm.
     *
     * @return the values read back after the write
     */
    Map<String, Object> write(String device, Map<String, Object> values);
}
