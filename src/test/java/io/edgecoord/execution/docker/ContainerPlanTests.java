package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentSpec;

class ContainerPlanTests {

    private final DockerProperties settings = TestSettings.properties("unix:///var/run/docker.sock", "edge-1");

    private final EnvironmentSpec spec = new EnvironmentSpec("thermo", 3, "python3.11", "app.handle", 96,
            Map.of("GREETING", "hi", "AWS_LAMBDA_RUNTIME_API", "evil.example:80", "HOME", "/root"),
            Path.of("/data/code/abc"), false);

    private final ContainerPlan plan = ContainerPlan.of(settings, "env-7", spec, "edgecoord-runtime-python3.11:0123",
            Path.of("/data/sockets/env-7"));

    @Test
    void namesAndLabelsTheContainerForItsInstanceAndEnvironment() {
        assertThat(plan.name()).isEqualTo("edgecoord-edge-1-env-7");
        assertThat(plan.image()).isEqualTo("edgecoord-runtime-python3.11:0123");
        assertThat(plan.labels()).containsExactlyInAnyOrderEntriesOf(Map.of("edgecoord.instance", "edge-1",
                "edgecoord.environment", "env-7", "edgecoord.task", "thermo", "edgecoord.task-version", "3",
                "edgecoord.runtime", "python3.11"));
    }

    @Test
    void givesTheRuntimeItsVariablesOverTheTasksOwn() {
        assertThat(plan.env()).contains("GREETING=hi", "_HANDLER=app.handle", "AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001",
                "AWS_LAMBDA_FUNCTION_NAME=thermo", "AWS_LAMBDA_FUNCTION_VERSION=3",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=96", "LAMBDA_TASK_ROOT=/var/task", "LAMBDA_RUNTIME_DIR=/var/runtime",
                "HOME=/tmp", "TZ=:UTC");
        assertThat(plan.env()).doesNotContain("AWS_LAMBDA_RUNTIME_API=evil.example:80", "HOME=/root");
        assertThat(plan.env()).filteredOn(line -> line.startsWith("AWS_LAMBDA_RUNTIME_API=")).hasSize(1);
    }

    @Test
    void givesTheVariablesAGreengrassCoreGaveItsFunctions() {
        assertThat(plan.env()).contains("MY_FUNCTION_ARN=arn:aws:lambda:edge:000000000000:function:thermo:3",
                "SHADOW_FUNCTION_ARN=arn:aws:lambda:edge:000000000000:function:GGShadowService",
                "ROUTER_FUNCTION_ARN=arn:aws:lambda:edge:000000000000:function:GGRouter",
                "GG_EDGECOORD_SEAM=/edgecoord/v1/greengrass");
        assertThat(plan.env()).filteredOn(line -> line.startsWith("AUTH_TOKEN=")).hasSize(1);
    }

    @Test
    void limitsMemoryWithoutSwapCpusAndProcesses() {
        HostConfig host = plan.hostConfig();

        assertThat(host.getMemory()).isEqualTo(96L * 1024 * 1024);
        assertThat(host.getMemorySwap()).isEqualTo(96L * 1024 * 1024);
        assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
        assertThat(host.getPidsLimit()).isEqualTo(128L);
    }

    @Test
    void hardensTheContainer() {
        HostConfig host = plan.hostConfig();

        assertThat(plan.user()).isEqualTo("10001:10001");
        assertThat(host.getReadonlyRootfs()).isTrue();
        assertThat(host.getTmpFs()).containsExactly(Map.entry("/tmp", "rw,nosuid,nodev,size=67108864"));
        assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
        assertThat(host.getCapAdd()).isNull();
        assertThat(host.getPrivileged()).isNull();
        assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
        assertThat(host.getInit()).isTrue();
        assertThat(host.getAutoRemove()).isFalse();
    }

    @Test
    void mountsCodeReadOnlyAndTheRuntimeSocketFolderWritable() {
        assertThat(plan.hostConfig().getBinds()).extracting(Bind::getPath, b -> b.getVolume().getPath(), Bind::getAccessMode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/data/code/abc", "/var/task", AccessMode.ro),
                        org.assertj.core.groups.Tuple.tuple("/data/sockets/env-7", "/run/edgecoord", AccessMode.rw));
    }

    @Test
    void hasNoNetworkUnlessTheTaskAsksForIt() {
        var networked = new EnvironmentSpec("thermo", 3, "python3.11", "app.handle", 96, Map.of(),
                Path.of("/data/code/abc"), true);

        assertThat(plan.hostConfig().getNetworkMode()).isEqualTo("none");
        assertThat(ContainerPlan.of(settings, "env-8", networked, "img", Path.of("/s")).hostConfig().getNetworkMode())
                .isEqualTo("bridge");
    }

    @Test
    void boundsTheLogKeptOnDisk() {
        var log = plan.hostConfig().getLogConfig();

        assertThat(log.getType().getType()).isEqualTo("json-file");
        assertThat(log.getConfig()).containsExactlyInAnyOrderEntriesOf(Map.of("max-size", "1m", "max-file", "2"));
    }

    @Test
    void convertsFractionalCpusToNanoCpus() {
        var half = new DockerProperties("unix:///x", "i", 0.5, 64, settings.tmpSize(), "1:1", "b", "1m",
                settings.buildTimeout());

        assertThat(ContainerPlan.of(half, "e", spec, "img", Path.of("/s")).hostConfig().getNanoCPUs())
                .isEqualTo(500_000_000L);
    }
}
