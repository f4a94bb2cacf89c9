package io.edgecoord.device.registry;

import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.AddressRefusedException;

/**
 * Checks a device's address against the network policy when it is registered or a patch changes
 * it, so that an operator hears of a refused address at once. The poll-time check in the HTTP
 * client is the one that protects; this one explains.
 */
public final class DeviceAddresses {

    private static final Logger log = LoggerFactory.getLogger(DeviceAddresses.class);

    private final AddressGuard guard;

    public DeviceAddresses(AddressGuard guard) {
        this.guard = guard;
    }

    /** Throws {@link DeviceAddressRefusedException} when the binding's host is or resolves to a refused address. */
    public void admit(ProtocolBinding binding) {
        switch (binding) {
            case HttpBinding http -> admit(http.host(), http.port(), "protocol.baseUrl");
            case ModbusBinding modbus -> admit(modbus.host(), modbus.port(), "protocol.host");
            case OpcUaBinding opcua -> admit(opcua.host(), opcua.port(), "protocol.endpointUrl");
            case MqttBinding mqtt -> {
                // The device connects to the broker; the coordinator connects to nothing.
            }
        }
    }

    private void admit(String host, int port, String field) {
        try {
            this.guard.admit(host, port);
        }
        catch (AddressRefusedException ex) {
            throw new DeviceAddressRefusedException(field + ": " + ex.getMessage() + ".");
        }
        catch (UnknownHostException ex) {
            // Not refused: a device may join the network after it is registered, and every request
            // resolves its name and judges the answer again.
            log.info("Device host {} does not resolve yet: {}", host, ex.getMessage());
        }
    }
}
