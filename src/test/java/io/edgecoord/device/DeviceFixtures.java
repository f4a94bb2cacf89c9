package io.edgecoord.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.ProfileCommand;
import io.edgecoord.device.profile.ProfileDefaults;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ReadWrite;
import io.edgecoord.device.profile.ValueType;
import io.edgecoord.device.registry.HttpBinding;
import io.edgecoord.device.registry.PolledDevice;

/** Profiles, devices and settings shared by the device tests. */
public final class DeviceFixtures {

    private DeviceFixtures() {
    }

    /** A thermostat: temperature (R, scale 0.1), setpoint (RW, 5..30), mode (RW, OFF/HEAT/COOL). */
    public static DeviceProfile thermostat() {
        return new DeviceProfile("thermostat-v1", "Acme", "T100", List.of("hvac"),
                List.of(new ProfileResource("temperature", ValueType.FLOAT64, ReadWrite.R, "degC", -40.0, 125.0, 0.1,
                        0.0, null, Map.of("path", "/temperature")),
                        new ProfileResource("setpoint", ValueType.FLOAT64, ReadWrite.RW, "degC", 5.0, 30.0, null, null,
                                null, Map.of("path", "/setpoint")),
                        new ProfileResource("mode", ValueType.STRING, ReadWrite.RW, null, null, null, null, null,
                                List.of("OFF", "HEAT", "COOL"), null)),
                List.of(new ProfileCommand("status", ReadWrite.R, List.of("temperature", "setpoint"))),
                new ProfileDefaults("10s", null));
    }

    /** A profile's JSON: one readable resource. */
    public static final String METER_PROFILE = """
            {"name": "meter-v1", "resources": [{"name": "power", "valueType": "FLOAT64", "readWrite": "R"}]}
            """;

    /** The JSON of a LOCKED device of {@link #METER_PROFILE}: registered, never polled. */
    public static String lockedMeter(String name, String baseUrl) {
        return """
                {"name": "%s", "profile": "meter-v1", "adminState": "LOCKED",
                 "protocol": {"type": "http", "baseUrl": "%s"}}
                """.formatted(name, baseUrl);
    }

    /** A device of {@link #thermostat()} polling only its temperature. */
    public static PolledDevice polled(String name, String baseUrl, String linkId, Duration interval, Duration timeout) {
        DeviceProfile profile = thermostat();
        return new PolledDevice(name, profile, new HttpBinding(baseUrl, linkId).resolved(), interval, timeout,
                "temperature", profile.resolve("temperature"), false);
    }

    /** Network settings of tests whose simulated devices listen on loopback, which the defaults refuse. */
    static final DeviceProperties.Network LOOPBACK_ALLOWED = new DeviceProperties.Network(List.of("127.0.0.0/8"),
            List.of());

    /** The given settings with {@link #LOOPBACK_ALLOWED}. */
    public static DeviceProperties allowingLoopback(DeviceProperties settings) {
        return new DeviceProperties(settings.poll(), settings.liveness(), LOOPBACK_ALLOWED);
    }

    /**
     * Settings for fast tests: 100 ms minimum interval, offline after 3 failures, 2 s max back-off,
     * loopback allowed.
     */
    public static DeviceProperties fastSettings() {
        DeviceProperties defaults = DeviceProperties.defaults();
        DeviceProperties.Poll poll = defaults.poll();
        return new DeviceProperties(new DeviceProperties.Poll(poll.defaultInterval(), Duration.ofMillis(100),
                poll.maxInterval(), poll.defaultTimeout(), poll.jitterMax(), 64, 1, Duration.ofSeconds(1)),
                new DeviceProperties.Liveness(3, Duration.ofSeconds(2), 4, false), LOOPBACK_ALLOWED);
    }
}
