package io.edgecoord.device.profile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Maps an EdgeX v3 device profile (a YAML or JSON document, bare or wrapped as EdgeX's API sends
 * it: {@code [{"apiVersion": "v3", "profile": {...}}]}) onto a {@link DeviceProfile}. What would
 * change values if dropped ({@code mask}, {@code shift}, {@code base}, {@code assertion}, value
 * mappings, an unknown value type or field) is refused with an {@link InvalidDefinitionException}
 * naming it; descriptions, tags, {@code isHidden}, {@code optional}, a Binary's {@code mediaType}
 * and default values, which do not, are dropped. Pure.
 */
final class EdgeXProfiles {

    private static final Set<String> PROFILE_FIELDS = Set.of("apiVersion", "id", "name", "manufacturer", "model",
            "labels", "description", "deviceResources", "deviceCommands");

    private static final Set<String> RESOURCE_FIELDS = Set.of("name", "description", "isHidden", "tag", "properties",
            "attributes", "tags");

    private static final Set<String> PROPERTY_FIELDS = Set.of("valueType", "readWrite", "units", "minimum", "maximum",
            "defaultValue", "mask", "shift", "scale", "offset", "base", "assertion", "mediaType", "optional");

    /** Properties that change a value: accepted only at their neutral value. */
    private static final Map<String, String> NEUTRAL = Map.of("mask", "0", "shift", "0", "base", "0", "assertion", "");

    private static final Set<String> COMMAND_FIELDS = Set.of("name", "isHidden", "readWrite", "resourceOperations",
            "tags");

    private EdgeXProfiles() {
    }

    /** Whether a JSON document is an EdgeX profile rather than ours. */
    static boolean isEdgeX(JsonNode document) {
        return document.isArray() || document.has("deviceResources") || document.has("profile");
    }

    static DeviceProfile map(JsonNode document) {
        JsonNode profile = unwrapped(document);
        fields(profile, PROFILE_FIELDS, "");
        List<ProfileResource> resources = new ArrayList<>();
        JsonNode deviceResources = profile.path("deviceResources");
        for (int i = 0; i < deviceResources.size(); i++) {
            resources.add(resource(deviceResources.get(i), "deviceResources[" + i + "]"));
        }
        List<ProfileCommand> commands = new ArrayList<>();
        JsonNode deviceCommands = profile.path("deviceCommands");
        for (int i = 0; i < deviceCommands.size(); i++) {
            commands.add(command(deviceCommands.get(i), "deviceCommands[" + i + "]"));
        }
        List<String> labels = new ArrayList<>();
        profile.path("labels").forEach((label) -> labels.add(label.asString()));
        return new DeviceProfile(text(profile, "name"), text(profile, "manufacturer"), text(profile, "model"),
                labels, resources, commands, null);
    }

    private static JsonNode unwrapped(JsonNode document) {
        JsonNode profile = document;
        if (profile.isArray()) {
            require(profile.size() == 1, "the body holds " + profile.size() + " profiles; import one at a time");
            profile = profile.get(0);
        }
        if (profile.has("profile")) {
            profile = profile.get("profile");
        }
        require(profile.isObject(), "the body is not an EdgeX device profile");
        return profile;
    }

    private static ProfileResource resource(JsonNode resource, String where) {
        fields(resource, RESOURCE_FIELDS, where + ".");
        JsonNode properties = resource.path("properties");
        fields(properties, PROPERTY_FIELDS, where + ".properties.");
        NEUTRAL.forEach((name, neutral) -> {
            String value = text(properties, name);
            require(value == null || value.equals(neutral) || (neutral.equals("0") && isZero(value)),
                    where + ".properties." + name + " (" + value + ") cannot be mapped: edgecoord does not apply it");
        });
        String name = text(resource, "name");
        Map<String, String> attributes = new LinkedHashMap<>();
        resource.path("attributes").properties().forEach((e) -> {
            require(e.getValue().isValueNode(), where + ".attributes." + e.getKey() + " must be a single value");
            attributes.put(e.getKey(), e.getValue().asString());
        });
        return new ProfileResource(name, valueType(text(properties, "valueType"), where + ".properties.valueType"),
                readWrite(text(properties, "readWrite"), where + ".properties.readWrite"), text(properties, "units"),
                number(properties, "minimum", where), number(properties, "maximum", where),
                number(properties, "scale", where), number(properties, "offset", where), List.of(), attributes);
    }

    private static ProfileCommand command(JsonNode command, String where) {
        fields(command, COMMAND_FIELDS, where + ".");
        List<String> resources = new ArrayList<>();
        JsonNode operations = command.path("resourceOperations");
        for (int i = 0; i < operations.size(); i++) {
            JsonNode operation = operations.get(i);
            String at = where + ".resourceOperations[" + i + "]";
            fields(operation, Set.of("deviceResource", "defaultValue", "mappings"), at + ".");
            require(operation.path("mappings").isEmpty(), at + ".mappings cannot be mapped: edgecoord has no value "
                    + "mappings");
            resources.add(text(operation, "deviceResource"));
        }
        return new ProfileCommand(text(command, "name"), readWrite(text(command, "readWrite"), where + ".readWrite"),
                resources);
    }

    /**
     * EdgeX's value type names ({@code Uint64}, {@code Binary}, {@code Int16Array}, …); those without an
     * edgecoord type (StringArray, ObjectArray) are refused.
     */
    private static ValueType valueType(String text, String where) {
        require(text != null, where + " is required");
        String upper = text.toUpperCase(Locale.ROOT);
        if (upper.endsWith("ARRAY") && !upper.endsWith("_ARRAY")) {
            upper = upper.substring(0, upper.length() - "ARRAY".length()) + "_ARRAY";
        }
        try {
            return ValueType.valueOf(upper);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidDefinitionException(where + " '" + text + "' cannot be mapped; edgecoord has Bool, "
                    + "Int8-64, Uint8-64, Float32, Float64, String, Binary, Object and arrays of Bool and the numbers");
        }
    }

    private static ReadWrite readWrite(String text, String where) {
        require(text != null, where + " is required");
        String normalized = text.equalsIgnoreCase("WR") ? "RW" : text.toUpperCase(Locale.ROOT);
        try {
            return ReadWrite.valueOf(normalized);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidDefinitionException(where + " '" + text + "' is not R, W or RW");
        }
    }

    private static Double number(JsonNode node, String field, String where) {
        String text = text(node, field);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new InvalidDefinitionException(where + ".properties." + field + " '" + text + "' is not a number");
        }
    }

    /** Zero written as EdgeX writes masks and shifts: {@code 0}, {@code 0x00}, {@code 0.0}. */
    private static boolean isZero(String text) {
        try {
            return Long.decode(text.trim()) == 0;
        }
        catch (NumberFormatException ex) {
            try {
                return Double.parseDouble(text.trim()) == 0;
            }
            catch (NumberFormatException notNumber) {
                return false;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return (value == null || value.isNull()) ? null : value.asString();
    }

    private static void fields(JsonNode node, Set<String> known, String where) {
        node.propertyNames().forEach((name) -> require(known.contains(name), where + name
                + " cannot be mapped: it is not a field of an EdgeX v3 profile that edgecoord knows"));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidDefinitionException("EdgeX profile: " + detail + ".");
        }
    }
}
