package io.edgecoord.device;

import java.util.List;
import java.util.Map;

/**
 * Creates, replaces and deletes device profiles and devices on behalf of a configuration bundle,
 * inside the caller's transaction, with the checks of the REST API. The rows are written at once;
 * the registry's memory and the poller (start, restart, stop polling or hearing a device) change
 * only after the caller commits, and not at all when it rolls back.
 */
public interface DeviceBundles {

    /** What putting a definition did. */
    enum Outcome {
        /** It did not exist. */
        CREATED,
        /** It existed and differed. */
        CHANGED,
        /** It existed as given. */
        UNCHANGED
    }

    /** The names of every device profile, sorted. */
    List<String> profileNames();

    /** The names of every device, sorted. */
    List<String> deviceNames();

    /**
     * Creates or replaces a profile, the JSON body of {@code POST /api/v1/device-profiles} as a map.
     *
     * @throws org.springframework.web.ErrorResponseException the device module's problem naming what is wrong
     */
    Outcome putProfile(Map<String, Object> definition);

    /**
     * Registers or redefines a device, the JSON body of {@code POST /api/v1/devices} as a map; its
     * profile may be one put earlier in the same transaction.
     *
     * @throws org.springframework.web.ErrorResponseException the device module's problem naming what is wrong
     */
    Outcome putDevice(Map<String, Object> definition);

    /** Deletes a profile; refused while a device uses it. Absent: nothing happens. */
    void deleteProfile(String name);

    /** Deletes a device; it stops being polled once the caller commits. Absent: nothing happens. */
    void deleteDevice(String name);
}
