package io.edgecoord.device;

import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UByte;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UShort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * OPC UA values and ours: a read's Variant becomes a raw JSON value, and a raw value becomes a
 * Variant of the built-in type the resource's value type names (a server refuses a Double for
 * a Float node). Pure.
 */
final class OpcUaValues {

    private OpcUaValues() {
    }

    static JsonNode raw(ProfileResource resource, Variant variant) throws DeviceCallException {
        Object value = variant.getValue();
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (value) {
            case Boolean bool -> nodes.booleanNode(bool);
            case Float number -> nodes.numberNode((double) number);
            case Double number -> nodes.numberNode(number);
            case Number number -> nodes.numberNode(number.longValue());
            case String text -> nodes.stringNode(text);
            case null -> throw new DeviceCallException(FailureKind.PROTOCOL_ERROR,
                    "node of '" + resource.name() + "' holds no value");
            default -> throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "node of '" + resource.name()
                    + "' holds a " + value.getClass().getSimpleName() + ", which edgecoord does not read");
        };
    }

    static Variant variant(ProfileResource resource, JsonNode raw) {
        Object value = switch (resource.valueType()) {
            case BOOL -> raw.booleanValue();
            case INT8 -> (byte) raw.longValue();
            case INT16 -> (short) raw.longValue();
            case INT32 -> (int) raw.longValue();
            case INT64 -> raw.longValue();
            case UINT8 -> UByte.valueOf(raw.longValue());
            case UINT16 -> UShort.valueOf((int) raw.longValue());
            case UINT32 -> UInteger.valueOf(raw.longValue());
            case FLOAT32 -> (float) raw.doubleValue();
            case FLOAT64 -> raw.doubleValue();
            case STRING -> raw.stringValue();
            case OBJECT -> throw new InvalidValueException("Resource '" + resource.name()
                    + "' is an OBJECT, which the OPC UA binding does not write.");
        };
        return new Variant(value);
    }
}
