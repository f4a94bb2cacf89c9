package io.edgecoord.execution.docker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Volume;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.FunctionArns;

/**
 * Everything the engine is told when an environment's container is created: a pure function of
 * the settings and the spec, so its limits and hardening are tested without Docker.
 *
 * @param name the container's name, {@code edgecoord-<instance>-<environment>}
 * @param image the runtime image
 * @param labels the {@code edgecoord.*} labels that scope and describe it
 * @param env the environment variables as {@code NAME=value}; ours override the task's
 * @param user the {@code uid:gid} it runs as
 * @param hostConfig the limits, hardening, mounts, network and log settings
 */
record ContainerPlan(String name, String image, Map<String, String> labels, List<String> env, String user,
        HostConfig hostConfig) {

    static final String INSTANCE_LABEL = "edgecoord.instance";

    static final String ENVIRONMENT_LABEL = "edgecoord.environment";

    static final String TASK_ROOT = "/var/task";

    static final String SOCKET_DIRECTORY = "/run/edgecoord";

    static final String RUNTIME_API = "127.0.0.1:9001";

    private static final long MIB = 1024L * 1024L;

    /** Plans the container of environment {@code environmentId}. */
    static ContainerPlan of(DockerProperties settings, String environmentId, EnvironmentSpec spec, String image,
            Path runtimeSocketDirectory) {
        var labels = Map.of(
                INSTANCE_LABEL, settings.instanceId(),
                ENVIRONMENT_LABEL, environmentId,
                "edgecoord.task", spec.taskName(),
                "edgecoord.task-version", Integer.toString(spec.taskVersion()),
                "edgecoord.runtime", spec.runtime());
        return new ContainerPlan("edgecoord-" + settings.instanceId() + "-" + environmentId, image, labels,
                env(spec), settings.user(), hostConfig(settings, spec, runtimeSocketDirectory));
    }

    /** The task's variables, then the runtime's, so a task cannot redirect its Runtime API. */
    static List<String> env(EnvironmentSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        env.put("_HANDLER", spec.handler() == null ? "" : spec.handler());
        env.put("AWS_LAMBDA_RUNTIME_API", RUNTIME_API);
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.taskName());
        env.put("AWS_LAMBDA_FUNCTION_VERSION", Integer.toString(spec.taskVersion()));
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("LAMBDA_TASK_ROOT", TASK_ROOT);
        env.put("LAMBDA_RUNTIME_DIR", "/var/runtime");
        env.put("HOME", "/tmp");
        env.put("TZ", ":UTC");
        env.putAll(FunctionArns.greengrass(spec));
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    private static HostConfig hostConfig(DockerProperties settings, EnvironmentSpec spec, Path socketDirectory) {
        long memory = spec.memoryMb() * MIB;
        return HostConfig.newHostConfig()
                .withMemory(memory)
                .withMemorySwap(memory)
                .withNanoCPUs(Math.round(settings.cpus() * 1_000_000_000L))
                .withPidsLimit(settings.pidsLimit())
                .withReadonlyRootfs(true)
                // Docker mounts it noexec; the java17 image unpacks the runtime client's JNI library at build time
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,size=" + settings.tmpSize().toBytes()))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withInit(true)
                .withNetworkMode(spec.network() ? "bridge" : "none")
                .withBinds(
                        new Bind(spec.codeDirectory().toAbsolutePath().toString(), new Volume(TASK_ROOT), AccessMode.ro),
                        new Bind(socketDirectory.toAbsolutePath().toString(), new Volume(SOCKET_DIRECTORY), AccessMode.rw))
                // The engine's own copy of the output, for `docker logs`; the coordinator reads
                // the output attached (OutputFollower), never from these files.
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE,
                        Map.of("max-size", settings.logMaxSize(), "max-file", "2")))
                .withAutoRemove(false);
    }
}
