package io.edgecoord.device.registry;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.web.MergePatch;

/** Applies a JSON merge patch to a device definition, refusing read-only fields and a new name. */
final class DevicePatch {

    /** Derived or server-assigned fields of a {@link DeviceResponse}; clients cannot write them. */
    private static final Set<String> READ_ONLY = Set.of("id", "connectivity", "operatingState", "revision",
            "createdAt", "modifiedAt");

    private DevicePatch() {
    }

    static RegisterDeviceRequest apply(JsonMapper json, RegisterDeviceRequest current, JsonNode patch) {
        if (!patch.isObject()) {
            throw new InvalidDefinitionException("A device patch is a JSON object (RFC 7396 merge patch).");
        }
        READ_ONLY.stream().filter(patch::has).findFirst().ifPresent((field) -> {
            throw new InvalidDefinitionException("'" + field + "' is read-only.");
        });
        JsonNode merged = MergePatch.apply(json.valueToTree(current), patch);
        RegisterDeviceRequest definition;
        try {
            definition = json.treeToValue(merged, RegisterDeviceRequest.class);
        }
        catch (JacksonException ex) {
            throw new InvalidDefinitionException("The patched device is not a valid definition: "
                    + ex.getOriginalMessage());
        }
        if (!current.name().equals(definition.name())) {
            throw new InvalidDefinitionException("A device's name cannot change; register a new device instead.");
        }
        return definition;
    }
}
