package io.edgecoord.device.profile;

/**
 * Polling defaults for devices of a profile.
 *
 * @param pollInterval such as {@code 10s} or {@code 500ms}; for an MQTT device, the expected interval between its publishes
 * @param pollSource the command or resource a poll reads; all readable resources if absent
 * @param telemetryTopic an MQTT device's telemetry topic, {@code {name}} standing for the device's name
 * @param commandTopic an MQTT device's command topic, {@code {name}} standing for the device's name
 */
public record ProfileDefaults(String pollInterval, String pollSource, String telemetryTopic, String commandTopic) {

    public ProfileDefaults(String pollInterval, String pollSource) {
        this(pollInterval, pollSource, null, null);
    }
}
