package io.edgecoord.device;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * How the coordinator talks to a device. Only {@code http} exists so far; Modbus and MQTT come
 * later as further records.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = HttpBinding.class, name = "http"))
sealed interface ProtocolBinding permits HttpBinding {

    /** The link the device sits on; requests on one link are serialised. */
    String linkId();

    /** This binding with its derived fields filled in, or an {@link InvalidDefinitionException}. */
    ProtocolBinding resolved();
}
