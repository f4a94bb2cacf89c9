package io.edgecoord.device.mqtt;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileResource;

/**
 * The MQTT binding's pure parts: where a resource's raw value sits in a JSON telemetry document
 * (its {@code pointer} attribute, a JSON pointer, by default {@code /<name>}), the command document
 * that puts raw values at the same places, whether telemetry confirms a write, and whether a device
 * has been silent too long.
 */
final class MqttPayloads {

    private MqttPayloads() {
    }

    /** The JSON pointer of a resource in the device's documents. */
    static JsonPointer pointer(ProfileResource resource) {
        String text = resource.attributes().getOrDefault("pointer", "/" + resource.name());
        try {
            return JsonPointer.compile(text);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidDefinitionException("resource '" + resource.name() + "' has attribute pointer '" + text
                    + "', which is no JSON pointer (such as /env/temp)");
        }
    }

    /**
     * The raw values a telemetry document holds for {@code resources}, in their order; a resource
     * whose pointer finds nothing (or JSON null) is left out.
     *
     * @throws DeviceCallException PROTOCOL_ERROR when the payload is no JSON object
     */
    static Map<ProfileResource, JsonNode> telemetry(JsonMapper json, byte[] payload, List<ProfileResource> resources)
            throws DeviceCallException {
        JsonNode document;
        try {
            document = json.readTree(payload);
        }
        catch (JacksonException ex) {
            throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "the telemetry is not JSON");
        }
        if (document == null || !document.isObject()) {
            throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "the telemetry is not a JSON object");
        }
        Map<ProfileResource, JsonNode> raw = new LinkedHashMap<>();
        for (ProfileResource resource : resources) {
            JsonNode value = document.at(pointer(resource));
            if (!value.isMissingNode() && !value.isNull()) {
                raw.put(resource, value);
            }
        }
        return raw;
    }

    /** The command document: each raw value at its resource's pointer, objects made on the way. */
    static ObjectNode command(JsonMapper json, Map<ProfileResource, JsonNode> raw) {
        ObjectNode document = json.createObjectNode();
        raw.forEach((resource, value) -> {
            ObjectNode parent = document;
            JsonPointer at = pointer(resource);
            while (!at.tail().matches()) {
                JsonNode child = parent.get(at.getMatchingProperty());
                parent = (child instanceof ObjectNode object) ? object : parent.putObject(at.getMatchingProperty());
                at = at.tail();
            }
            parent.set(at.getMatchingProperty(), value);
        });
        return document;
    }

    /** Whether reported raw values confirm every written one (numbers compared by value). */
    static boolean confirms(Map<ProfileResource, JsonNode> written, Map<ProfileResource, JsonNode> reported) {
        return written.entrySet().stream().allMatch((entry) -> {
            JsonNode got = reported.get(entry.getKey());
            JsonNode want = entry.getValue();
            if (got == null) {
                return false;
            }
            return (want.isNumber() && got.isNumber()) ? want.doubleValue() == got.doubleValue() : want.equals(got);
        });
    }

    /**
     * Whether a device has been silent for {@code silence}: since it was last seen, or, never seen,
     * since it has been watched.
     */
    static boolean silent(Instant lastSeen, Instant watchedSince, Instant now, Duration silence) {
        Instant from = (lastSeen != null && lastSeen.isAfter(watchedSince)) ? lastSeen : watchedSince;
        return !now.isBefore(from.plus(silence));
    }

    /** Whether a status message is the device's last will (or its own goodbye). */
    static boolean offline(byte[] payload) {
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8).trim();
        return text.equalsIgnoreCase("offline") || text.equalsIgnoreCase("\"offline\"")
                || text.replace(" ", "").equalsIgnoreCase("{\"status\":\"offline\"}");
    }
}
