package io.edgecoord.device;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a device's raw values into the profile's values and back: {@code value = raw × scale +
 * offset} on read, {@code raw = (value − offset) / scale} on write, with type checks both ways and
 * the profile's limits on write. Pure; no I/O.
 */
final class ValueTransforms {

    private final JsonMapper json;

    ValueTransforms(JsonMapper json) {
        this.json = json;
    }

    /** The value of a raw reading, or a protocol error when the device sent the wrong type. */
    Object fromRaw(ProfileResource resource, JsonNode raw) throws DeviceCallException {
        ValueType type = resource.valueType();
        if (type.numeric()) {
            if (!raw.isNumber()) {
                throw wrongType(resource, raw);
            }
            double value = raw.doubleValue() * resource.scale() + resource.offset();
            return type.integral() ? (Object) Math.round(value) : (Object) value;
        }
        return switch (type) {
            case BOOL -> {
                if (!raw.isBoolean()) {
                    throw wrongType(resource, raw);
                }
                yield raw.booleanValue();
            }
            case STRING -> {
                if (!raw.isString()) {
                    throw wrongType(resource, raw);
                }
                yield raw.stringValue();
            }
            case OBJECT -> this.json.treeToValue(raw, Object.class);
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, FLOAT32, FLOAT64 ->
                throw new IllegalStateException("numeric handled above");
        };
    }

    /** The raw value to send for a value given by a client; {@link InvalidValueException} if it breaks the profile. */
    JsonNode toRaw(ProfileResource resource, Object value) {
        if (value == null) {
            throw invalid(resource, "must not be null");
        }
        ValueType type = resource.valueType();
        if (type.numeric()) {
            if (!(value instanceof Number number)) {
                throw invalid(resource, "must be a number");
            }
            double v = number.doubleValue();
            if (type.integral() && v != Math.rint(v)) {
                throw invalid(resource, "must be a whole number");
            }
            if (type.integral() && (v < type.min() || v > type.max())) {
                throw invalid(resource, "is out of the " + type + " range");
            }
            if ((resource.minimum() != null && v < resource.minimum())
                    || (resource.maximum() != null && v > resource.maximum())) {
                throw invalid(resource, v + " is outside [" + resource.minimum() + ", " + resource.maximum() + "]");
            }
            double raw = (v - resource.offset()) / resource.scale();
            return type.integral() ? this.json.getNodeFactory().numberNode(Math.round(raw))
                    : this.json.getNodeFactory().numberNode(raw);
        }
        return switch (type) {
            case BOOL -> {
                if (!(value instanceof Boolean bool)) {
                    throw invalid(resource, "must be true or false");
                }
                yield this.json.getNodeFactory().booleanNode(bool);
            }
            case STRING -> {
                if (!(value instanceof String text)) {
                    throw invalid(resource, "must be a string");
                }
                if (!resource.allowedValues().isEmpty() && !resource.allowedValues().contains(text)) {
                    throw invalid(resource, "must be one of " + resource.allowedValues());
                }
                yield this.json.getNodeFactory().stringNode(text);
            }
            case OBJECT -> {
                if (!(value instanceof Map<?, ?>)) {
                    throw invalid(resource, "must be a JSON object");
                }
                yield this.json.valueToTree(value);
            }
            case INT8, INT16, INT32, INT64, UINT8, UINT16, UINT32, FLOAT32, FLOAT64 ->
                throw new IllegalStateException("numeric handled above");
        };
    }

    private static DeviceCallException wrongType(ProfileResource resource, JsonNode raw) {
        return new DeviceCallException(FailureKind.PROTOCOL_ERROR, "resource '" + resource.name() + "' is "
                + resource.valueType() + " but the device sent " + raw.getNodeType());
    }

    private static InvalidValueException invalid(ProfileResource resource, String problem) {
        return new InvalidValueException("Value of '" + resource.name() + "' " + problem + ".");
    }
}
