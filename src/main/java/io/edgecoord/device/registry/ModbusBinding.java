package io.edgecoord.device.registry;

import io.edgecoord.device.network.Addresses;
import io.edgecoord.device.profile.InvalidDefinitionException;

/**
 * A device reached over Modbus TCP: a gateway (or the device itself) at {@code host:port}, and
 * the unit id that selects the device behind it. Devices behind one gateway share its link, so
 * their requests go one at a time over one TCP connection.
 *
 * @param host a name or address literal (IPv6 with or without brackets)
 * @param port default 502
 * @param unitId 0–255; default 1
 * @param linkId the link it shares with other devices; default {@code modbus-tcp://host:port}
 */
public record ModbusBinding(String host, Integer port, Integer unitId, String linkId) implements ProtocolBinding {

    @Override
    public ModbusBinding resolved() {
        if (this.host == null || this.host.isBlank() || this.host.contains("/") || this.host.contains(" ")) {
            throw new InvalidDefinitionException("protocol.host must be a host name or address, not '" + this.host
                    + "'");
        }
        int port = (this.port != null) ? this.port : 502;
        if (port < 1 || port > 65535) {
            throw new InvalidDefinitionException("protocol.port must be between 1 and 65535, not " + port);
        }
        int unit = (this.unitId != null) ? this.unitId : 1;
        if (unit < 0 || unit > 255) {
            throw new InvalidDefinitionException("protocol.unitId must be between 0 and 255, not " + unit);
        }
        String bare = Addresses.unbracketed(this.host);
        String link = (this.linkId == null || this.linkId.isBlank())
                ? "modbus-tcp://" + (bare.contains(":") ? "[" + bare + "]" : bare) + ":" + port : this.linkId;
        return new ModbusBinding(bare, port, unit, link);
    }

    /** {@code host:port}, the TCP connection's key; call on a resolved binding. */
    public String endpoint() {
        return (this.host.contains(":") ? "[" + this.host + "]" : this.host) + ":" + this.port;
    }
}
