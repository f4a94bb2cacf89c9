package io.edgecoord.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.TopContainerResponse;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.Volume;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The coordinator's image running as a container, set up as on a gateway: the engine's socket
 * mounted with its group added to the image's user, the data dir mounted at the same path as on
 * the host, port 8080 published on a free loopback port. {@link #close()} removes it.
 */
public final class CoordinatorContainer implements AutoCloseable {

    private static final ExposedPort HTTP = ExposedPort.tcp(8080);

    private final DockerClient docker;

    private final String id;

    private CoordinatorContainer(DockerClient docker, String id) {
        this.docker = docker;
        this.id = id;
    }

    /**
     * Creates and starts the container. The image's own health check is kept but asked every
     * second, so that {@link #awaitHealthy} does not wait for the image's 30 s interval.
     */
    public static CoordinatorContainer start(DockerClient docker, String image, String socket, String socketGroup,
            Path dataDir, String instanceId) {
        List<String> check = docker.inspectImageCmd(image).exec().getConfig().getHealthcheck().getTest();
        HostConfig host = HostConfig.newHostConfig()
                .withBinds(new Bind(socket, new Volume("/var/run/docker.sock")),
                        new Bind(dataDir.toString(), new Volume(dataDir.toString())))
                .withGroupAdd(List.of(socketGroup))
                .withPortBindings(new PortBinding(Ports.Binding.bindIp("127.0.0.1"), HTTP));
        String id = docker.createContainerCmd(image).withName("edgecoord-image-test-" + instanceId)
                .withEnv("EDGECOORD_DATA_DIR=" + dataDir, "EDGECOORD_EXECUTION_DOCKER_INSTANCE_ID=" + instanceId,
                        "EDGECOORD_ADMIN_KEY=" + TestKeys.ADMIN)
                .withExposedPorts(HTTP).withHostConfig(host)
                .withHealthcheck(new HealthCheck().withTest(check).withInterval(TimeUnit.SECONDS.toNanos(1))
                        .withTimeout(TimeUnit.SECONDS.toNanos(10)).withStartPeriod(TimeUnit.MINUTES.toNanos(4))
                        .withRetries(3))
                .exec().getId();
        docker.startContainerCmd(id).exec();
        return new CoordinatorContainer(docker, id);
    }

    /** Waits until the image's health check passes; fails with the container's output if it does not. */
    public void awaitHealthy(Duration atMost) {
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
                InspectContainerResponse.ContainerState state = inspect().getState();
                if (!Boolean.TRUE.equals(state.getRunning())) {
                    throw new IllegalStateException("The coordinator exited with " + state.getExitCodeLong());
                }
                return state.getHealth() != null && "healthy".equals(state.getHealth().getStatus());
            });
        }
        catch (ConditionTimeoutException | IllegalStateException ex) {
            throw new AssertionError("The coordinator did not become healthy; its output:\n" + output(), ex);
        }
    }

    /** The host port that reaches the coordinator's 8080. */
    public int port() {
        return Integer.parseInt(inspect().getNetworkSettings().getPorts().getBindings().get(HTTP)[0].getHostPortSpec());
    }

    /** The numeric user ids of the container's processes, as {@code ps -o uid} shows them. */
    public List<String> processUids() {
        // The engine needs the PID column to pick the container's processes out of ps's output.
        TopContainerResponse top = docker.topContainerCmd(id).withPsArgs("-o pid,uid").exec();
        int column = List.of(top.getTitles()).indexOf("UID");
        List<String> uids = new ArrayList<>();
        for (String[] process : top.getProcesses()) {
            uids.add(process[column].strip());
        }
        return uids;
    }

    /** Stops it as {@code docker stop} does: SIGTERM, then SIGKILL after {@code grace}. */
    public long stop(Duration grace) {
        docker.stopContainerCmd(id).withTimeout((int) grace.toSeconds()).exec();
        return inspect().getState().getExitCodeLong();
    }

    /** The container's stdout and stderr so far. */
    public String output() {
        StringBuilder text = new StringBuilder();
        try (ResultCallback.Adapter<Frame> logs = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                text.append(new String(frame.getPayload()));
            }
        }) {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(200).exec(logs)
                    .awaitCompletion(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            text.append("(interrupted while reading the output)");
        }
        catch (IOException | RuntimeException ex) {
            text.append("(reading the output failed: ").append(ex).append(')');
        }
        return text.toString();
    }

    private InspectContainerResponse inspect() {
        return docker.inspectContainerCmd(id).exec();
    }

    @Override
    public void close() {
        docker.removeContainerCmd(id).withForce(true).exec();
    }
}
