package io.edgecoord.device.opcua;

import java.lang.reflect.Array;
import java.util.Base64;

import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.polling.InvalidValueException;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ValueType;

/**
 * OPC UA values and ours: a read's Variant becomes a raw JSON value, and a raw value becomes a
 * Variant of the built-in type the resource's value type names (a server refuses a Double for
 * a Float node). An array Variant is a JSON array, a ByteString base64 text, a UInt64 an exact
 * number. Pure.
 */
public final class OpcUaValues {

    private OpcUaValues() {
    }

    static JsonNode raw(ProfileResource resource, Variant variant) throws DeviceCallException {
        Object value = variant.getValue();
        if (value != null && value.getClass().isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode(Array.getLength(value));
            for (int i = 0; i < Array.getLength(value); i++) {
                array.add(one(resource, Array.get(value, i)));
            }
            return array;
        }
        return one(resource, value);
    }

    private static JsonNode one(ProfileResource resource, Object value) throws DeviceCallException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case Boolean bool -> nodes.booleanNode(bool);
            case Float number -> nodes.numberNode((double) number);
            case Double number -> nodes.numberNode(number);
            case ULong number -> nodes.numberNode(number.toBigInteger());
            case Number number -> nodes.numberNode(number.longValue());
            case String text -> nodes.stringNode(text);
            case ByteString bytes -> nodes.stringNode(Base64.getEncoder().encodeToString(bytes.bytesOrEmpty()));
            case null -> throw new DeviceCallException(FailureKind.PROTOCOL_ERROR,
                    "node of '" + resource.name() + "' holds no value");
            default -> throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "node of '" + resource.name()
                    + "' holds a " + value.getClass().getSimpleName() + ", which edgecoord does not read");
        };
    }

    public static Variant variant(ProfileResource resource, JsonNode raw) {
        ValueType type = resource.valueType();
        if (!type.array()) {
            return new Variant(one(resource, type, raw));
        }
        Object array = Array.newInstance(javaType(type.element()), raw.size());
        for (int i = 0; i < raw.size(); i++) {
            Array.set(array, i, one(resource, type.element(), raw.get(i)));
        }
        return new Variant(array);
    }

    private static Object one(ProfileResource resource, ValueType type, JsonNode raw) {
        return switch (type) {
            case BOOL -> raw.booleanValue();
            case INT8 -> (byte) raw.longValue();
            case INT16 -> (short) raw.longValue();
            case INT32 -> (int) raw.longValue();
            case INT64 -> raw.longValue();
            case UINT8 -> UByte.valueOf(raw.longValue());
            case UINT16 -> UShort.valueOf((int) raw.longValue());
            case UINT32 -> UInteger.valueOf(raw.longValue());
            case UINT64 -> ULong.valueOf(raw.bigIntegerValue());
            case FLOAT32 -> (float) raw.doubleValue();
            case FLOAT64 -> raw.doubleValue();
            case STRING -> raw.stringValue();
            case BINARY -> ByteString.of(Base64.getDecoder().decode(raw.stringValue()));
            default -> throw new InvalidValueException("Resource '" + resource.name() + "' is " + resource.valueType()
                    + ", which the OPC UA binding does not write.");
        };
    }

    /** The Java class Milo encodes as the built-in type of an element. */
    private static Class<?> javaType(ValueType element) {
        return switch (element) {
            case BOOL -> Boolean.class;
            case INT8 -> Byte.class;
            case INT16 -> Short.class;
            case INT32 -> Integer.class;
            case INT64 -> Long.class;
            case UINT8 -> UByte.class;
            case UINT16 -> UShort.class;
            case UINT32 -> UInteger.class;
            case UINT64 -> ULong.class;
            case FLOAT32 -> Float.class;
            case FLOAT64 -> Double.class;
            default -> throw new IllegalStateException(element + " is not an array element type");
        };
    }
}
