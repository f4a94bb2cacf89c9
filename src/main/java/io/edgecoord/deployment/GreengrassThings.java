package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Maps a Greengrass v1 group's things to MQTT devices, and reports its cores, connectors and resources. */
final class GreengrassThings {

    private GreengrassThings() {
    }

    /** The profile of imported things: the whole JSON message is the one resource, {@code message}. */
    static Map<String, Object> profile() {
        return Map.of("name", GreengrassMapping.THING_PROFILE, "labels", List.of("greengrass"), "resources",
                List.of(Map.of("name", "message", "valueType", "OBJECT", "readWrite", "R", "attributes",
                        Map.of("pointer", ""))));
    }

    /** @param telemetry per device, the topic its subscriptions say it publishes on */
    static List<Map<String, Object>> devices(List<JsonNode> things, Map<String, String> telemetry,
            GreengrassReport report) {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (int i = 0; i < things.size(); i++) {
            JsonNode thing = things.get(i);
            String arn = GreengrassGroup.text(thing, "ThingArn");
            String at = "devices[" + i + "] (" + arn + ")";
            GreengrassArns.Endpoint endpoint = (arn == null) ? null : GreengrassArns.endpoint(arn);
            if (!(endpoint instanceof GreengrassArns.Thing named)) {
                throw new InvalidGreengrassGroupException(at + ".ThingArn", "must be a thing ARN "
                        + "(arn:aws:iot:<region>:<account>:thing/<name>).");
            }
            String name = GreengrassArns.deviceName(named.name());
            Map<String, Object> protocol = new LinkedHashMap<>();
            protocol.put("type", "mqtt");
            if (telemetry.containsKey(name)) {
                protocol.put("telemetryTopic", telemetry.get(name));
            }
            Map<String, Object> device = new LinkedHashMap<>();
            device.put("name", name);
            device.put("description", "Greengrass thing " + named.name());
            device.put("labels", List.of("greengrass"));
            device.put("profile", GreengrassMapping.THING_PROFILE);
            device.put("protocol", protocol);
            devices.add(device);
            if (thing.has("CertificateArn")) {
                report.approximated(at + ".CertificateArn", "the thing logs in to the broker with an edgecoord key "
                        + "(id and secret as MQTT user and password), not its X.509 certificate.");
            }
            if (thing.path("SyncShadow").asBoolean(false)) {
                report.unmapped(at + ".SyncShadow", "edgecoord keeps shadows locally; it does not sync them with AWS IoT.");
            }
        }
        return devices;
    }

    /** Reports the parts of a group edgecoord has no counterpart for. */
    static void rest(GreengrassGroup group, GreengrassReport report) {
        for (int i = 0; i < group.cores().size(); i++) {
            report.approximated("cores[" + i + "] (" + GreengrassGroup.text(group.cores().get(i), "ThingArn") + ")",
                    "the core is this coordinator; it is not registered as a device.");
        }
        for (int i = 0; i < group.connectors().size(); i++) {
            report.unmapped("connectors[" + i + "] (" + GreengrassGroup.text(group.connectors().get(i), "ConnectorArn")
                    + ")", "edgecoord runs no Greengrass connectors; deploy the connector's work as a task of your own.");
        }
        for (int i = 0; i < group.resources().size(); i++) {
            JsonNode resource = group.resources().get(i);
            JsonNode data = resource.path("ResourceDataContainer");
            String kind = data.propertyNames().stream().findFirst().orElse("?");
            String reason = switch (kind) {
                case "LocalDeviceResourceData", "LocalVolumeResourceData" ->
                    "a task's container gets no host device or volume.";
                case "S3MachineLearningModelResourceData", "SageMakerMachineLearningModelResourceData" ->
                    "edgecoord deploys no ML models: put the model in the function's zip.";
                case "SecretsManagerSecretResourceData" ->
                    "give the secret as the task's secretEnvironment instead.";
                default -> "an unknown kind of resource (" + kind + ").";
            };
            report.unmapped("resources[" + i + "] (" + GreengrassGroup.text(resource, "Name") + ")", kind + ": " + reason);
        }
    }
}
