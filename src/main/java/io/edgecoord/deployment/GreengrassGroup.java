package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A Greengrass v1 group as the import request gives it: each definition version either as the
 * Greengrass API and CLI answer it ({@code get-function-definition-version} and its siblings, the
 * list under {@code Definition}), as the properties of CloudFormation's
 * {@code AWS::Greengrass::*DefinitionVersion} (the list at the top), or inside a whole
 * CloudFormation template; plus what the export does not carry, per function.
 *
 * @param functions {@code Functions} items
 * @param defaultConfig the function definition's {@code DefaultConfig}, or a missing node
 * @param subscriptions {@code Subscriptions} items
 * @param devices {@code Devices} items
 * @param cores {@code Cores} items
 * @param connectors {@code Connectors} items
 * @param resources {@code Resources} items
 * @param settings per Lambda function name: its runtime, handler and code, where the export lacks them
 * @param bridge whether the coordinator's MQTT bridge carries the topics of {@code cloud} subscriptions
 * @param prune whether the bundle prunes
 */
record GreengrassGroup(List<JsonNode> functions, JsonNode defaultConfig, List<JsonNode> subscriptions,
        List<JsonNode> devices, List<JsonNode> cores, List<JsonNode> connectors, List<JsonNode> resources,
        Map<String, FunctionSettings> settings, boolean bridge, boolean prune) {

    private static final Map<String, String> SECTIONS = Map.of("functionDefinitionVersion", "Functions",
            "subscriptionDefinitionVersion", "Subscriptions", "deviceDefinitionVersion", "Devices",
            "coreDefinitionVersion", "Cores", "connectorDefinitionVersion", "Connectors",
            "resourceDefinitionVersion", "Resources");

    private static final Set<String> OTHER_FIELDS = Set.of("cloudFormation", "functions", "bridge", "prune");

    /**
     * What the request says of one function that its export may lack.
     *
     * @param runtime the Lambda runtime id ({@code python3.8}, {@code java11}, ...) or edgecoord's
     * @param handler the handler, when the export's {@code Executable} does not say it
     * @param codeSha256 the sha256 of a stored artifact, when no zip part is sent for it
     */
    record FunctionSettings(String runtime, String handler, String codeSha256) {
    }

    static GreengrassGroup parse(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw new InvalidGreengrassGroupException("group", "must be a JSON object of definition versions.");
        }
        for (String field : request.propertyNames()) {
            if (!SECTIONS.containsKey(field) && !OTHER_FIELDS.contains(field)) {
                throw new InvalidGreengrassGroupException(field, "unknown field; a group has " + SECTIONS.keySet()
                        + ", cloudFormation, functions, bridge and prune.");
            }
        }
        Map<String, List<JsonNode>> lists = new LinkedHashMap<>();
        JsonNode defaultConfig = request.path("functionDefinitionVersion").path("Definition").path("DefaultConfig");
        if (defaultConfig.isMissingNode()) {
            defaultConfig = request.path("functionDefinitionVersion").path("DefaultConfig");
        }
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            JsonNode given = request.path(section.getKey());
            JsonNode definition = given.has("Definition") ? given.path("Definition") : given;
            lists.put(section.getValue(), new ArrayList<>(items(definition.path(section.getValue()))));
        }
        JsonNode template = request.path("cloudFormation").path("Resources");
        for (JsonNode resource : template) {
            String type = resource.path("Type").asString("");
            JsonNode properties = resource.path("Properties");
            if (type.startsWith("AWS::Greengrass::") && !type.endsWith("Version")) {
                properties = properties.path("InitialVersion"); // a definition with its first version inline
            }
            for (String list : SECTIONS.values()) {
                if (type.startsWith("AWS::Greengrass::" + list.substring(0, list.length() - 1) + "Definition")) {
                    lists.get(list).addAll(items(properties.path(list)));
                    if (list.equals("Functions") && properties.has("DefaultConfig")) {
                        defaultConfig = properties.path("DefaultConfig");
                    }
                }
            }
        }
        Map<String, FunctionSettings> settings = new LinkedHashMap<>();
        request.path("functions").properties().forEach((entry) -> settings.put(entry.getKey(), new FunctionSettings(
                text(entry.getValue(), "runtime"), text(entry.getValue(), "handler"), text(entry.getValue(), "codeSha256"))));
        return new GreengrassGroup(lists.get("Functions"), defaultConfig, lists.get("Subscriptions"),
                lists.get("Devices"), lists.get("Cores"), lists.get("Connectors"), lists.get("Resources"), settings,
                request.path("bridge").asBoolean(false), request.path("prune").asBoolean(false));
    }

    private static List<JsonNode> items(JsonNode list) {
        List<JsonNode> items = new ArrayList<>();
        list.forEach(items::add);
        return items;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? value.asString() : null;
    }
}
