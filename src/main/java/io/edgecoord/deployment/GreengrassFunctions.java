package io.edgecoord.deployment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Maps a Greengrass v1 function ({@code FunctionArn}, {@code FunctionConfiguration}) to a bundle's
 * task definition: a pure function that reports what it cannot carry over.
 */
final class GreengrassFunctions {

    private GreengrassFunctions() {
    }

    /**
     * The task of function {@code index}, without permissions (the subscriptions give those).
     *
     * @param codeSha256 the sha256 of its stored zip, or {@code null} when none was given
     */
    static Map<String, Object> task(JsonNode function, String at, JsonNode defaultConfig,
            GreengrassGroup.FunctionSettings settings, String codeSha256, GreengrassReport report) {
        GreengrassArns.Function arn = GreengrassArns.function(GreengrassGroup.text(function, "FunctionArn"));
        if (arn == null) {
            throw new InvalidGreengrassGroupException(at + ".FunctionArn", "must be a Lambda function ARN "
                    + "(arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]).");
        }
        JsonNode config = function.path("FunctionConfiguration");
        JsonNode environment = config.path("Environment");
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("name", arn.name());
        task.put("runtime", runtime(config, settings, at, report));
        String handler = (settings != null && settings.handler() != null) ? settings.handler()
                : GreengrassGroup.text(config, "Executable");
        if (handler == null) {
            throw new InvalidGreengrassGroupException(at, "the export names no handler (FunctionConfiguration."
                    + "Executable); give functions." + arn.name() + ".handler.");
        }
        task.put("handler", handler);
        if (config.path("MemorySize").isNumber()) {
            long kb = config.path("MemorySize").asLong();
            int mb = (int) Math.min(10240, Math.max(64, (kb + 1023) / 1024));
            if (mb * 1024L != kb) {
                report.approximated(at + ".MemorySize", kb + " KB becomes " + mb + " MB (whole MB, 64..10240).");
            }
            task.put("memoryMb", mb);
        }
        if (config.path("Timeout").isNumber()) {
            int seconds = config.path("Timeout").asInt();
            int bounded = Math.min(900, Math.max(1, seconds));
            if (bounded != seconds) {
                report.approximated(at + ".Timeout", seconds + " s becomes " + bounded + " s (1..900).");
            }
            task.put("timeoutSeconds", bounded);
        }
        if (environment.path("Variables").isObject()) {
            Map<String, Object> variables = new LinkedHashMap<>();
            environment.path("Variables").properties().forEach((v) -> variables.put(v.getKey(), v.getValue().asString()));
            task.put("environment", variables);
        }
        Map<String, Object> execution = new LinkedHashMap<>();
        if (config.path("Pinned").asBoolean(false)) {
            execution.put("pinned", true);
        }
        JsonNode run = environment.path("Execution").isMissingNode() ? defaultConfig.path("Execution")
                : environment.path("Execution");
        if ("NoContainer".equals(GreengrassGroup.text(run, "IsolationMode"))) {
            execution.put("isolation", "none");
        }
        if (!execution.isEmpty()) {
            task.put("execution", execution);
        }
        unmappable(config, environment, run, at, report);
        if (codeSha256 == null) {
            throw new InvalidGreengrassGroupException(at, "no code: send the function's zip as the multipart part '"
                    + arn.name() + "', or give functions." + arn.name() + ".codeSha256 of a stored artifact.");
        }
        task.put("code", Map.of("sha256", codeSha256));
        return task;
    }

    private static String runtime(JsonNode config, GreengrassGroup.FunctionSettings settings, String at,
            GreengrassReport report) {
        String given = (settings != null && settings.runtime() != null) ? settings.runtime()
                : GreengrassGroup.text(config, "FunctionRuntimeOverride");
        if (given == null) {
            throw new InvalidGreengrassGroupException(at, "a group export does not carry the Lambda function's "
                    + "runtime; give it as functions.<name>.runtime (python3.8, java11, ...).");
        }
        String mapped = given.startsWith("python3") ? "python3.11" : given.startsWith("java") ? "java17" : given;
        if (!mapped.equals(given)) {
            report.approximated(at + ".runtime", given + " runs on edgecoord's " + mapped + ".");
        }
        return mapped;
    }

    private static void unmappable(JsonNode config, JsonNode environment, JsonNode run, String at,
            GreengrassReport report) {
        if ("binary".equals(GreengrassGroup.text(config, "EncodingType"))) {
            report.approximated(at + ".EncodingType", "binary: edgecoord's calls carry JSON, so a routed message "
                    + "that is not JSON arrives as a string, not as Greengrass's bytes.");
        }
        if (run.has("RunAs")) {
            report.unmapped(at + ".Execution.RunAs", "edgecoord runs every task as its own unprivileged user "
                    + "(uid 10001), not uid " + run.path("RunAs").path("Uid").asString("?") + " gid "
                    + run.path("RunAs").path("Gid").asString("?") + ".");
        }
        List<JsonNode> policies = new java.util.ArrayList<>();
        environment.path("ResourceAccessPolicies").forEach(policies::add);
        for (int i = 0; i < policies.size(); i++) {
            report.unmapped(at + ".Environment.ResourceAccessPolicies[" + i + "] ("
                    + GreengrassGroup.text(policies.get(i), "ResourceId") + ")",
                    "a task reaches no local resource of the host (devices, volumes, ML models).");
        }
        if (environment.path("AccessSysfs").asBoolean(false)) {
            report.unmapped(at + ".Environment.AccessSysfs", "a task's container does not see the host's /sys.");
        }
        if (config.has("ExecArgs")) {
            report.unmapped(at + ".ExecArgs", "a runtime takes no extra arguments.");
        }
    }
}
