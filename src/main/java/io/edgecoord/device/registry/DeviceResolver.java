package io.edgecoord.device.registry;

import java.time.Duration;

import io.edgecoord.device.modbus.ModbusResources;
import io.edgecoord.device.opcua.OpcUaDeviceClient;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.InvalidDefinitionException;

/**
 * Checks a device definition against its profile and the settings, and resolves what the poller
 * needs: the link, the interval (request, else profile, else setting), the timeout (request, else
 * min(default-timeout, 0.8 × interval)) and the resources a poll reads.
 */
final class DeviceResolver {

    private final DeviceProperties.Poll settings;

    DeviceResolver(DeviceProperties.Poll settings) {
        this.settings = settings;
    }

    PolledDevice resolve(RegisterDeviceRequest request, DeviceProfile profile) {
        ProtocolBinding binding = switch (request.protocol()) {
            case HttpBinding http -> http.resolved();
            case ModbusBinding modbus -> {
                ModbusResources.check(profile);
                yield modbus.resolved();
            }
            case OpcUaBinding opcua -> {
                OpcUaDeviceClient.check(profile);
                yield opcua.resolved();
            }
            case MqttBinding mqtt -> mqtt.resolved(request.name(), profile.defaults());
        };
        Polling polling = request.polling();
        String intervalText = (polling.interval() != null) ? polling.interval() : profile.defaults().pollInterval();
        Duration interval = (intervalText != null) ? Polling.parse("polling.interval", intervalText)
                : this.settings.defaultInterval();
        if (interval.compareTo(this.settings.minInterval()) < 0 || interval.compareTo(this.settings.maxInterval()) > 0) {
            throw new InvalidDefinitionException("polling.interval must be between " + this.settings.minInterval()
                    + " and " + this.settings.maxInterval() + ", not " + interval + ".");
        }
        Duration timeout = (polling.timeout() != null) ? Polling.parse("polling.timeout", polling.timeout())
                : this.settings.timeoutFor(interval);
        if (!timeout.isPositive() || timeout.compareTo(interval) >= 0) {
            throw new InvalidDefinitionException("polling.timeout must be positive and shorter than the interval "
                    + interval + ", not " + timeout + ".");
        }
        String source = (polling.source() != null) ? polling.source() : profile.defaults().pollSource();
        return new PolledDevice(request.name(), profile, binding, interval, timeout,
                (source != null) ? source : "readable", profile.resolve(source),
                request.adminState() == AdminState.LOCKED);
    }
}
