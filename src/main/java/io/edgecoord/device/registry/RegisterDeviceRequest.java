package io.edgecoord.device.registry;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.edgecoord.device.profile.DeviceProfile;

/**
 * The body of {@code POST /api/v1/devices}, and the stored definition of a device.
 *
 * @param name unique, {@code [A-Za-z0-9._:-]{1,128}}
 * @param description free text
 * @param labels free labels, for filtering
 * @param profile the name of an existing profile
 * @param protocol how to reach the device
 * @param polling interval, timeout, source; defaults from the profile and the settings
 * @param adminState UNLOCKED (default) or LOCKED
 * @param metrics whether the last numeric value of each resource is a Prometheus gauge; default false
 */
record RegisterDeviceRequest(
        @NotNull @Pattern(regexp = DeviceProfile.NAME, message = "must match " + DeviceProfile.NAME) String name,
        @Size(max = 1024) String description, List<@NotBlank @Size(max = 128) String> labels,
        @NotBlank String profile, @NotNull @Valid ProtocolBinding protocol, Polling polling, AdminState adminState,
        Boolean metrics) {

    RegisterDeviceRequest {
        labels = (labels == null) ? List.of() : List.copyOf(labels);
        polling = (polling == null) ? new Polling(null, null, null) : polling;
        adminState = (adminState == null) ? AdminState.UNLOCKED : adminState;
        metrics = (metrics == null) ? Boolean.FALSE : metrics;
    }

    RegisterDeviceRequest withAdminState(AdminState state) {
        return new RegisterDeviceRequest(this.name, this.description, this.labels, this.profile, this.protocol,
                this.polling, state, this.metrics);
    }
}
