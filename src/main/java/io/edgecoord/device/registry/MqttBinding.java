package io.edgecoord.device.registry;

import java.time.Duration;

import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileDefaults;

/**
 * A device that publishes its telemetry on the coordinator's MQTT broker and takes commands on a
 * topic of its own. Topics may say {@code {name}} for the device's name; unset, they come from the
 * profile's defaults, else {@code devices/{name}/telemetry}, {@code devices/{name}/commands} and
 * {@code devices/{name}/status} (its last will and birth messages).
 *
 * @param telemetryTopic where the device publishes its JSON telemetry
 * @param commandTopic where the coordinator publishes writes of its resources
 * @param statusTopic where {@code offline} (its last will) makes it OFFLINE at once
 * @param silence how long without a message makes it OFFLINE; default 3 × the expected interval
 * @param linkId derived, {@code mqtt:<telemetry topic>}
 */
public record MqttBinding(String telemetryTopic, String commandTopic, String statusTopic, String silence, String linkId)
        implements ProtocolBinding {

    static final String TELEMETRY = "devices/{name}/telemetry";

    static final String COMMANDS = "devices/{name}/commands";

    static final String STATUS = "devices/{name}/status";

    @Override
    public MqttBinding resolved() {
        return resolved("{name}", new ProfileDefaults(null, null));
    }

    /** This binding with the device's topics filled in, checked as MQTT topic names. */
    public MqttBinding resolved(String device, ProfileDefaults defaults) {
        String telemetry = topic("protocol.telemetryTopic", first(this.telemetryTopic, defaults.telemetryTopic(),
                TELEMETRY), device);
        String commands = topic("protocol.commandTopic", first(this.commandTopic, defaults.commandTopic(), COMMANDS),
                device);
        String status = topic("protocol.statusTopic", first(this.statusTopic, null, STATUS), device);
        if (telemetry.equals(commands) || telemetry.equals(status) || commands.equals(status)) {
            throw new InvalidDefinitionException("protocol: the telemetry, command and status topics must differ");
        }
        if (this.silence != null) {
            Duration parsed = Polling.parse("protocol.silence", this.silence);
            if (!parsed.isPositive()) {
                throw new InvalidDefinitionException("protocol.silence must be positive");
            }
        }
        return new MqttBinding(telemetry, commands, status, this.silence, "mqtt:" + telemetry);
    }

    /** The silence after which the device is OFFLINE, given its expected interval. */
    public Duration silenceAfter(Duration interval) {
        return (this.silence != null) ? Polling.parse("protocol.silence", this.silence) : interval.multipliedBy(3);
    }

    private static String first(String given, String profile, String fallback) {
        return (given != null) ? given : (profile != null) ? profile : fallback;
    }

    private static String topic(String field, String template, String device) {
        String topic = template.replace("{name}", device);
        if (topic.isEmpty() || topic.length() > 256 || topic.contains("+") || topic.contains("#")
                || topic.indexOf('\0') >= 0 || topic.startsWith("$")) {
            throw new InvalidDefinitionException(field + " must be an MQTT topic name of at most 256 characters, "
                    + "without wildcards and not starting with $, not '" + topic + "'");
        }
        return topic;
    }
}
