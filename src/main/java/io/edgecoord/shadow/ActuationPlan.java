package io.edgecoord.shadow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import io.edgecoord.device.DeviceInfo;

/** What to write to a device for its shadow's delta: nothing, nothing because it is locked, or these values. */
sealed interface ActuationPlan {

    /** The delta has no key that is a writable resource of the device. */
    record Nothing() implements ActuationPlan {
    }

    /** The device is locked, so its writable keys in the delta wait. */
    record Locked(List<String> resources) implements ActuationPlan {
    }

    /** Desired values (whole, also where only part of an object differs) of the device's writable resources. */
    record Write(Map<String, JsonNode> values) implements ActuationPlan {
    }

    /** Decides from the document and the device; pure. */
    static ActuationPlan of(ShadowDocument document, DeviceInfo device) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (String key : document.delta().propertyNames()) {
            if (device.writableResources().contains(key)) {
                values.put(key, document.desired().get(key));
            }
        }
        if (values.isEmpty()) {
            return new Nothing();
        }
        return device.locked() ? new Locked(List.copyOf(values.keySet())) : new Write(values);
    }
}
