package io.edgecoord.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Maps a whole Greengrass v1 group to a configuration bundle: functions to tasks (and aliases),
 * subscriptions to subscriptions and task permissions, things to MQTT devices; a pure function.
 * What it cannot carry over is in the report, per item, with the reason.
 */
final class GreengrassMapping {

    /** The profile every imported thing gets: its whole JSON message as one resource. */
    static final String THING_PROFILE = "greengrass-thing";

    private GreengrassMapping() {
    }

    /**
     * A group as a bundle.
     *
     * @param bundle the bundle, ready to be written as YAML
     * @param report what was left out or carried over differently
     */
    record Result(Map<String, Object> bundle, GreengrassReport report) {
    }

    /** @param code the sha256 of each function's stored zip, by Lambda function name */
    static Result map(GreengrassGroup group, Map<String, String> code) {
        GreengrassReport report = new GreengrassReport();
        GreengrassRoutes routes = new GreengrassRoutes(report, group.bridge());
        routes.map(group.subscriptions());
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<Map<String, Object>> aliases = new ArrayList<>();
        for (int i = 0; i < group.functions().size(); i++) {
            JsonNode function = group.functions().get(i);
            String arn = GreengrassGroup.text(function, "FunctionArn");
            String at = "functions[" + i + "] (" + arn + ")";
            GreengrassArns.Function named = GreengrassArns.function(arn);
            String name = (named != null) ? named.name() : "";
            GreengrassGroup.FunctionSettings settings = group.settings().get(name);
            String sha256 = code.getOrDefault(name, (settings != null) ? settings.codeSha256() : null);
            Map<String, Object> task = GreengrassFunctions.task(function, at, group.defaultConfig(), settings, sha256,
                    report);
            task.put("permissions", permissions(name, routes, group));
            tasks.add(task);
            if (GreengrassArns.isAlias(named.qualifier())) {
                aliases.add(Map.of("task", name, "name", named.qualifier(), "version", AliasSpec.LATEST));
            }
            else if (GreengrassArns.isVersion(named.qualifier())) {
                report.approximated(at, "version " + named.qualifier() + " becomes the task's latest version here; "
                        + "edgecoord numbers its own versions.");
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("prune", group.prune());
        bundle.put("tasks", tasks);
        bundle.put("aliases", aliases);
        bundle.put("subscriptions", routes.subscriptions);
        List<Map<String, Object>> devices = GreengrassThings.devices(group.devices(), routes.telemetry, report);
        if (!devices.isEmpty()) {
            bundle.put("deviceProfiles", List.of(GreengrassThings.profile()));
            bundle.put("devices", devices);
        }
        GreengrassThings.rest(group, report);
        return new Result(bundle, report);
    }

    private static Map<String, Object> permissions(String task, GreengrassRoutes routes, GreengrassGroup group) {
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("publish", List.copyOf(routes.publish.getOrDefault(task, Set.of())));
        permissions.put("subscribe", List.copyOf(routes.subscribe.getOrDefault(task, Set.of())));
        permissions.put("shadows", Map.of("read", List.copyOf(routes.shadowsRead.getOrDefault(task, Set.of())),
                "write", List.copyOf(routes.shadowsWrite.getOrDefault(task, Set.of()))));
        // Greengrass let a group's functions invoke one another without a subscription.
        List<String> others = group.functions().stream()
            .map((f) -> GreengrassArns.function(GreengrassGroup.text(f, "FunctionArn")))
            .filter((f) -> f != null && !f.name().equals(task)).map(GreengrassArns.Function::name).distinct().toList();
        permissions.put("invoke", others);
        return permissions;
    }
}
