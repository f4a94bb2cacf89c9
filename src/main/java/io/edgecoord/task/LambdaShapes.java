package io.edgecoord.task;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Lambda's control plane spells edgecoord's tasks: ARNs in the caller's region, runtime ids,
 * function configurations and aliases as AWS's clients parse them.
 */
final class LambdaShapes {

    static final String ACCOUNT = "000000000000";

    static final String LATEST = "$LATEST";

    private static final Pattern SIGNED_REGION = Pattern.compile("Credential=[^/,]+/\\d{8}/([a-z0-9-]+)/lambda/");

    private static final DateTimeFormatter LAST_MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
        .withZone(ZoneOffset.UTC);

    private LambdaShapes() {
    }

    /** The region the caller signed for ({@code us-east-1} when unsigned), so ARNs name it. */
    static String region(String authorization) {
        Matcher signed = SIGNED_REGION.matcher((authorization != null) ? authorization : "");
        return signed.find() ? signed.group(1) : "us-east-1";
    }

    static String arn(String region, String name, String qualifier) {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + name
                + ((qualifier != null) ? ":" + qualifier : "");
    }

    /**
     * Lambda's runtime ids to edgecoord's: every {@code provided*} is the custom runtime;
     * {@code nodejs20.x} is refused, the runtime image's Node.js being Debian bookworm's 18.
     */
    static TaskRuntime runtime(String id) {
        return switch ((id != null) ? id : "") {
            case "python3.11" -> TaskRuntime.PYTHON_3_11;
            case "java17" -> TaskRuntime.JAVA_17;
            case "nodejs18.x" -> TaskRuntime.NODEJS_18;
            case "provided", "provided.al2", "provided.al2023" -> TaskRuntime.PROVIDED;
            default -> throw LambdaException.invalid("Value " + id + " at 'runtime' failed to satisfy constraint: "
                    + "Member must satisfy enum value set: [python3.11, java17, nodejs18.x, provided, "
                    + "provided.al2, provided.al2023]");
        };
    }

    /** A version's configuration as GetFunctionConfiguration answers it. */
    static Map<String, Object> configuration(String region, TaskResponse task, TaskVersionResponse version,
            String shownVersion, String description) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("FunctionName", task.name());
        shape.put("FunctionArn", arn(region, task.name(), shownVersion.equals(LATEST) ? null : shownVersion));
        shape.put("Runtime", version.runtime());
        shape.put("Role", "arn:aws:iam::" + ACCOUNT + ":role/edgecoord");
        Optional.ofNullable(version.handler()).ifPresent((handler) -> shape.put("Handler", handler));
        shape.put("CodeSize", version.codeSize());
        shape.put("Description", (description != null) ? description : "");
        shape.put("Timeout", version.timeoutSeconds());
        shape.put("MemorySize", version.memoryMb());
        shape.put("LastModified", LAST_MODIFIED.format(version.createdAt()));
        shape.put("CodeSha256", Base64.getEncoder().encodeToString(HexFormat.of().parseHex(version.codeSha256())));
        shape.put("Version", shownVersion);
        shape.put("Environment", Map.of("Variables", version.environment()));
        shape.put("State", "Active");
        shape.put("LastUpdateStatus", "Successful");
        shape.put("PackageType", "Zip");
        shape.put("Architectures", List.of(System.getProperty("os.arch").contains("aarch64") ? "arm64" : "x86_64"));
        shape.put("RevisionId", revision(task.name(), version, description));
        return shape;
    }

    /**
     * A version's {@code RevisionId}: derived from what makes it (task, number, code, time) and the
     * description, so it needs no storage and changes with every change (each is a new version here,
     * or a new description).
     */
    static String revision(String task, TaskVersionResponse version, String description) {
        return java.util.UUID.nameUUIDFromBytes((task + "\n" + version.version() + "\n" + version.codeSha256() + "\n"
                + version.createdAt() + "\n" + description).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /** An alias as GetAlias answers it. */
    static Map<String, Object> alias(String region, AliasRouting alias) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("AliasArn", arn(region, alias.task(), alias.alias()));
        shape.put("Name", alias.alias());
        shape.put("FunctionVersion", String.valueOf(alias.version()));
        shape.put("Description", "");
        if (alias.additionalVersion() != null) {
            shape.put("RoutingConfig", Map.of("AdditionalVersionWeights",
                    Map.of(String.valueOf(alias.additionalVersion()), alias.additionalWeight())));
        }
        shape.put("RevisionId", String.valueOf(alias.updatedAt().toEpochMilli()));
        return shape;
    }
}
