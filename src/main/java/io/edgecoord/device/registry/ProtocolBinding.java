package io.edgecoord.device.registry;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import io.edgecoord.device.profile.InvalidDefinitionException;

/**
 * How the coordinator talks to a device: {@code http}, {@code modbus-tcp}, {@code opcua} or {@code mqtt}; further protocols
 * come as further records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = HttpBinding.class, name = "http"),
        @JsonSubTypes.Type(value = ModbusBinding.class, name = "modbus-tcp"),
        @JsonSubTypes.Type(value = OpcUaBinding.class, name = "opcua"),
        @JsonSubTypes.Type(value = MqttBinding.class, name = "mqtt") })
public sealed interface ProtocolBinding permits HttpBinding, ModbusBinding, OpcUaBinding, MqttBinding {

    /** The link the device sits on; requests on one link are serialised. */
    String linkId();

    /** This binding with its derived fields filled in, or an {@link InvalidDefinitionException}. */
    ProtocolBinding resolved();
}
