package io.edgecoord.device.polling;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ValueType;

/**
 * Turns a device's raw values into the profile's values and back: {@code value = raw × scale +
 * offset} on read, {@code raw = (value − offset) / scale} on write, with type checks both ways and
 * the profile's limits on write. An array's transform and limits apply to each element; UINT64 is
 * computed in decimal so that no digit of a 64-bit value is lost. Pure; no I/O.
 */
public final class ValueTransforms {

    private final JsonMapper json;

    public ValueTransforms(JsonMapper json) {
        this.json = json;
    }

    /** The value of a raw reading, or a protocol error when the device sent the wrong type. */
    public Object fromRaw(ProfileResource resource, JsonNode raw) throws DeviceCallException {
        ValueType type = resource.valueType();
        if (!type.array()) {
            return scalarFromRaw(resource, type, raw);
        }
        if (!raw.isArray()) {
            throw wrongType(resource, raw);
        }
        List<Object> values = new ArrayList<>(raw.size());
        for (JsonNode element : raw) {
            values.add(scalarFromRaw(resource, type.element(), element));
        }
        return List.copyOf(values);
    }

    /** The raw value to send for a value given by a client; {@link InvalidValueException} if it breaks the profile. */
    public JsonNode toRaw(ProfileResource resource, Object value) {
        if (value == null) {
            throw invalid(resource, "must not be null");
        }
        ValueType type = resource.valueType();
        if (!type.array()) {
            return scalarToRaw(resource, type, value);
        }
        if (!(value instanceof List<?> list)) {
            throw invalid(resource, "must be a JSON array of " + type.element());
        }
        ArrayNode raw = this.json.getNodeFactory().arrayNode(list.size());
        for (Object element : list) {
            if (element == null) {
                throw invalid(resource, "must not hold null");
            }
            raw.add(scalarToRaw(resource, type.element(), element));
        }
        return raw;
    }

    private Object scalarFromRaw(ProfileResource resource, ValueType type, JsonNode raw) throws DeviceCallException {
        if (type.numeric()) {
            if (!raw.isNumber()) {
                throw wrongType(resource, raw);
            }
            if (type == ValueType.UINT64) {
                BigDecimal value = raw.decimalValue().multiply(BigDecimal.valueOf(resource.scale()))
                    .add(BigDecimal.valueOf(resource.offset()));
                return whole(value.setScale(0, RoundingMode.HALF_UP).toBigInteger());
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
            case BINARY -> {
                if (!raw.isString() || !base64(raw.stringValue())) {
                    throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "resource '" + resource.name()
                            + "' is BINARY (base64) but the device sent " + raw.getNodeType());
                }
                yield raw.stringValue();
            }
            case OBJECT -> this.json.treeToValue(raw, Object.class);
            default -> throw new IllegalStateException(type + " is numeric or an array, handled above");
        };
    }

    private JsonNode scalarToRaw(ProfileResource resource, ValueType type, Object value) {
        if (type.numeric()) {
            return numberToRaw(resource, type, value);
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
            case BINARY -> {
                if (!(value instanceof String text) || !base64(text)) {
                    throw invalid(resource, "must be base64 text");
                }
                yield this.json.getNodeFactory().stringNode(text);
            }
            case OBJECT -> {
                if (!(value instanceof Map<?, ?>)) {
                    throw invalid(resource, "must be a JSON object");
                }
                yield this.json.valueToTree(value);
            }
            default -> throw new IllegalStateException(type + " is numeric or an array, handled above");
        };
    }

    private JsonNode numberToRaw(ProfileResource resource, ValueType type, Object value) {
        if (!(value instanceof Number number)) {
            throw invalid(resource, "must be a number");
        }
        BigDecimal v = decimal(number);
        if (type.integral() && v.stripTrailingZeros().scale() > 0) {
            throw invalid(resource, "must be a whole number");
        }
        if (type.integral() && (v.compareTo(new BigDecimal(type.min())) < 0 || v.compareTo(new BigDecimal(type.max())) > 0)) {
            throw invalid(resource, "is out of the " + type + " range");
        }
        if ((resource.minimum() != null && v.doubleValue() < resource.minimum())
                || (resource.maximum() != null && v.doubleValue() > resource.maximum())) {
            throw invalid(resource, v + " is outside [" + resource.minimum() + ", " + resource.maximum() + "]");
        }
        if (type == ValueType.UINT64) {
            BigInteger raw = v.subtract(BigDecimal.valueOf(resource.offset()))
                .divide(BigDecimal.valueOf(resource.scale()), MathContext.DECIMAL128)
                .setScale(0, RoundingMode.HALF_UP)
                .toBigInteger();
            return (raw.bitLength() < 64) ? this.json.getNodeFactory().numberNode(raw.longValue())
                    : this.json.getNodeFactory().numberNode(raw);
        }
        double raw = (v.doubleValue() - resource.offset()) / resource.scale();
        return type.integral() ? this.json.getNodeFactory().numberNode(Math.round(raw))
                : this.json.getNodeFactory().numberNode(raw);
    }

    /** A whole number as a Long where it fits, so equal values compare equal whatever their source. */
    static Object whole(BigInteger value) {
        return (value.bitLength() < 64) ? (Object) value.longValue() : value;
    }

    private static BigDecimal decimal(Number number) {
        return switch (number) {
            case BigDecimal decimal -> decimal;
            case BigInteger integer -> new BigDecimal(integer);
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            case Short s -> BigDecimal.valueOf(s);
            case Byte b -> BigDecimal.valueOf(b);
            default -> BigDecimal.valueOf(number.doubleValue());
        };
    }

    private static boolean base64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static DeviceCallException wrongType(ProfileResource resource, JsonNode raw) {
        return new DeviceCallException(FailureKind.PROTOCOL_ERROR, "resource '" + resource.name() + "' is "
                + resource.valueType() + " but the device sent " + raw.getNodeType());
    }

    private static InvalidValueException invalid(ProfileResource resource, String problem) {
        return new InvalidValueException("Value of '" + resource.name() + "' " + problem + ".");
    }
}
