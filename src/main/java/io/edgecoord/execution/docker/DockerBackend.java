package io.edgecoord.execution.docker;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Version;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.edgecoord.execution.BackendStatus;
import io.edgecoord.execution.EnvironmentCallbacks;
import io.edgecoord.execution.EnvironmentHandle;
import io.edgecoord.execution.EnvironmentPolicy;
import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionBackend;

/**
 * Runs each environment as a hardened, labelled Docker container (see {@link ContainerPlan}) and
 * streams its output through the callbacks on a virtual thread per container.
 *
 * <p>{@link EnvironmentCallbacks#exited} is called exactly once per environment: when the
 * container exits on its own, and also when {@link #destroy} killed it; in that case it has been
 * called before {@code destroy} returns, with exit code 137 or, if the engine could no longer say,
 * -1. Thread-safe.
 *
 * <p>While the engine cannot be reached, live containers are taken to run on (their output is
 * followed again when it answers), and one destroyed meanwhile is given up at once and removed
 * when the engine answers again.
 */
public class DockerBackend implements ExecutionBackend {

    private static final Logger log = LoggerFactory.getLogger(DockerBackend.class);

    private static final Duration STATUS_TTL = Duration.ofSeconds(2);

    private static final Duration EXIT_REPORT_WAIT = Duration.ofSeconds(10);

    private final DockerClients docker;

    private final DockerProperties properties;

    private final RuntimeImages images;

    private final CachedStatus status;

    private final Map<String, OutputFollower> followers = new ConcurrentHashMap<>();

    /** Containers given up while the engine could not be reached, removed when it answers again. */
    private final Set<String> orphans = ConcurrentHashMap.newKeySet();

    private final AtomicBoolean removingOrphans = new AtomicBoolean();

    DockerBackend(DockerClients docker, DockerProperties properties, RuntimeImages images, Clock clock) {
        this.docker = docker;
        this.properties = properties;
        this.images = images;
        this.status = new CachedStatus(this::probe, clock, STATUS_TTL,
                refresh -> Thread.ofVirtual().name("docker-status").start(refresh));
    }

    @Override
    public void init() {
        removeAll("left over from an earlier run");
    }

    @Override
    public EnvironmentHandle create(String environmentId, EnvironmentSpec spec, Path runtimeSocketDirectory,
            EnvironmentCallbacks callbacks) {
        String image = images.ensure(spec.runtime());
        ContainerPlan plan = ContainerPlan.of(properties, environmentId, spec, image, runtimeSocketDirectory);
        String id;
        try {
            id = docker.requests().createContainerCmd(plan.image())
                    .withName(plan.name())
                    .withLabels(plan.labels())
                    .withEnv(plan.env())
                    .withUser(plan.user())
                    .withHostConfig(plan.hostConfig())
                    .exec()
                    .getId();
        }
        catch (RuntimeException failure) {
            if (DockerFailures.isNotFound(failure)) {
                images.forget(spec.runtime()); // the image was removed behind our back: rebuild next time
            }
            throw DockerFailures.onStart(properties.host(), "create container " + plan.name(), failure);
        }
        try {
            OutputFollower follower = OutputFollower.attach(docker, id, callbacks);
            followers.put(id, follower);
            follower.start("docker-output-" + environmentId, () -> followers.remove(id, follower));
            docker.requests().startContainerCmd(id).exec();
        }
        catch (RuntimeException failure) {
            remove(id);
            throw DockerFailures.onStart(properties.host(), "start container " + plan.name(), failure);
        }
        return new EnvironmentHandle(environmentId, id);
    }

    @Override
    public void destroy(EnvironmentHandle handle) {
        String id = handle.backendId();
        OutputFollower follower = followers.remove(id);
        try {
            docker.requests().killContainerCmd(id).exec();
        }
        catch (RuntimeException notRunning) {
            if (DockerFailures.isUnreachable(notRunning)) {
                // Waiting for the engine would hold up the caller (the reaper, a drain) for as long as it is away.
                log.warn("Engine unreachable: {} is given up now and removed when the engine answers", handle);
                orphans.add(id);
                if (follower != null) {
                    follower.abandon();
                }
                return;
            }
            // already stopped or gone (404 / 409): removing it below is all that is left to do
            log.debug("Kill of {} refused: {}", handle, DockerFailures.describe(notRunning));
        }
        if (follower != null) {
            awaitExitReport(handle, follower);
        }
        remove(id);
    }

    @Override
    public void cleanup() {
        removeAll("at shutdown");
    }

    @Override
    public BackendStatus status() {
        return status.get();
    }

    @Override
    public EnvironmentPolicy.Isolation isolation() {
        return EnvironmentPolicy.Isolation.CONTAINER;
    }

    /** The engine's address, as configured. */
    public String engineHost() {
        return properties.host();
    }

    private BackendStatus probe() {
        try {
            Version version = docker.requests().versionCmd().exec();
            if (!orphans.isEmpty() && removingOrphans.compareAndSet(false, true)) {
                Thread.ofVirtual().name("docker-orphans").start(this::removeOrphans);
            }
            return new BackendStatus("docker", true,
                    "Docker " + version.getVersion() + " (API " + version.getApiVersion() + ")");
        }
        catch (RuntimeException failure) {
            return new BackendStatus("docker", false, DockerFailures.describe(failure));
        }
    }

    private void awaitExitReport(EnvironmentHandle handle, OutputFollower follower) {
        try {
            if (!follower.awaitExit(EXIT_REPORT_WAIT)) {
                // The engine may have gone after the kill: the exit is still reported, once, as unknown.
                log.warn("{} did not report its exit within {}", handle, EXIT_REPORT_WAIT);
                follower.abandon();
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void removeAll(String why) {
        List<Container> ours;
        try {
            ours = docker.requests().listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(ContainerPlan.INSTANCE_LABEL, properties.instanceId()))
                    .exec();
        }
        catch (RuntimeException failure) {
            log.warn("Cannot look for containers {} at {}: {}", why, properties.host(),
                    DockerFailures.describe(failure));
            return;
        }
        long removed = ours.stream().filter(container -> remove(container.getId())).count();
        log.info("Removed {} of {} containers of instance '{}' {}", removed, ours.size(), properties.instanceId(), why);
    }

    private void removeOrphans() {
        try {
            for (String id : List.copyOf(orphans)) {
                orphans.remove(id);
                if (remove(id)) {
                    log.info("Removed container {}, given up while the engine was unreachable", id);
                }
            }
        }
        finally {
            removingOrphans.set(false);
        }
    }

    /**
     * Removes a container, killing it if it runs; a container already gone is not an error. One
     * the engine cannot be asked to remove now is removed when it answers again.
     */
    private boolean remove(String id) {
        try {
            docker.requests().removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            return true;
        }
        catch (RuntimeException failure) {
            if (DockerFailures.isNotFound(failure)) {
                return true;
            }
            if (DockerFailures.isUnreachable(failure)) {
                orphans.add(id);
            }
            log.warn("Cannot remove container {}: {}", id, DockerFailures.describe(failure));
            return false;
        }
    }
}
