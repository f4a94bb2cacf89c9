package io.edgecoord.device.modbus;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;

import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.AddressRefusedException;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.registry.ModbusBinding;

/**
 * Opens Modbus TCP connections, each to an address the guard admitted (the first of the host's
 * addresses), within the connect timeout or the request's remaining time, whichever is shorter.
 */
public final class ModbusConnector {

    private final AddressGuard guard;

    private final Duration connectTimeout;

    public ModbusConnector(AddressGuard guard, Duration connectTimeout) {
        this.guard = guard;
        this.connectTimeout = connectTimeout;
    }

    TCPMasterConnection connect(ModbusBinding binding, Duration remaining, String what) throws DeviceCallException {
        List<InetAddress> addresses;
        try {
            addresses = this.guard.admit(binding.host(), binding.port());
        }
        catch (AddressRefusedException ex) {
            throw new DeviceCallException(FailureKind.REFUSED, what + " not sent: " + ex.getMessage());
        }
        catch (UnknownHostException ex) {
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": unknown host " + binding.host());
        }
        TCPMasterConnection tcp = new TCPMasterConnection(addresses.getFirst());
        tcp.setPort(binding.port());
        Duration timeout = (remaining.compareTo(this.connectTimeout) < 0) ? remaining : this.connectTimeout;
        tcp.setTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            tcp.connect();
            return tcp;
        }
        catch (Exception ex) {
            tcp.close();
            if (has(ex, SocketTimeoutException.class)) {
                throw new DeviceCallException(FailureKind.TIMEOUT, what + ": no connection to " + binding.endpoint()
                        + " within " + timeout.toMillis() + " ms");
            }
            throw new DeviceCallException(FailureKind.UNREACHABLE, what + ": " + (has(ex, ConnectException.class)
                    ? "connection to " + binding.endpoint() + " refused or no route" : ex.toString()));
        }
    }

    /** Whether a failed transaction ran out of time rather than lost its connection. */
    static boolean timedOut(ModbusException ex) {
        return has(ex, SocketTimeoutException.class) || String.valueOf(ex.getMessage()).toLowerCase(Locale.ROOT).contains("timeout");
    }

    private static boolean has(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
