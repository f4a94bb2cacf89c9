package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.CoordinatorContainer;
import io.edgecoord.support.TestDocker;

/**
 * Runs the coordinator's own image as a gateway would (see {@link CoordinatorContainer}) and uses
 * it over HTTP. The image is {@code edgecoord.image}, else {@code EDGECOORD_IMAGE}, else
 * {@code edgecoord:test}, made by {@code scripts/local-build-images.sh}; when it is missing this
 * test is skipped, or fails under {@code CI=true}.
 */
@DockerAvailable
class CoordinatorImageIntegrationTests {

    private static final String IMAGE = System.getProperty("edgecoord.image",
            System.getenv().getOrDefault("EDGECOORD_IMAGE", "edgecoord:test"));

    private static final String HELLO = """
            def handle(event, context):
                print("hello from the image's coordinator")
                return {"message": "Hello, " + event["name"], "function": context.function_name}
            """;

    private final DockerClient docker = TestDocker.client();

    private final String instanceId = "img" + UUID.randomUUID().toString().substring(0, 8);

    private String imageUser;

    private Path dataDir;

    @BeforeEach
    void dataDirOwnedByTheImagesUser() throws IOException {
        imageUser = imageUser();
        // Short, so that the runtime sockets under it stay within the 107-byte limit.
        dataDir = Files.createTempDirectory(Path.of("/tmp"), "eci");
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        String[] ids = imageUser.split(":");
        try {
            Files.setAttribute(dataDir, "unix:uid", Integer.parseInt(ids[0]));
            Files.setAttribute(dataDir, "unix:gid", Integer.parseInt(ids[ids.length - 1]));
        }
        catch (FileSystemException notRoot) {
            // Only root may give a folder away; anyone may open theirs up.
            Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
    }

    @AfterEach
    void removeWhatIsLeft() {
        // Only a failed run leaves task containers: the coordinator removes its own when stopped.
        for (Container container : taskContainers()) {
            docker.removeContainerCmd(container.getId()).withForce(true).exec();
        }
        if (dataDir != null) {
            FileSystemUtils.deleteRecursively(dataDir.toFile());
        }
    }

    @Test
    void runsATaskAsItsNonRootUserAndRemovesTheTaskContainerWhenStopped() {
        String socket = dockerSocket();
        try (CoordinatorContainer coordinator = CoordinatorContainer.start(docker, IMAGE, socket,
                socketGroup(socket), dataDir, instanceId)) {
            coordinator.awaitHealthy(Duration.ofMinutes(4));
            assertThat(coordinator.processUids()).as("uids of the coordinator's processes")
                    .isNotEmpty().containsOnly(imageUser.split(":")[0]);
            CoordinatorClient client = new CoordinatorClient(coordinator.port());
            assertThat(client.json(client.get("/actuator/health/readiness")).path("status").asString())
                    .isEqualTo("UP");

            HttpResponse<String> deployed = client.postJson("/api/v1/tasks", """
                    {"name": "image-hello", "runtime": "python3.11", "handler": "hello.handle",
                     "memoryMb": 128, "timeoutSeconds": 10, "code": {"inline": %s}}
                    """.formatted(CoordinatorClient.quote(HELLO)));
            assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(201);

            // The first call may build the runtime image through the engine: allow for it.
            HttpResponse<String> invoked = client.invoke("image-hello", "{\"name\": \"gateway\"}",
                    "Prefer", "wait=170");
            assertThat(invoked.statusCode()).as(invoked.body()).isIn(200, 202);
            JsonNode record = client.awaitFinished(
                    invoked.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
            assertThat(record.path("status").asString()).as(record.toString()).isEqualTo("SUCCEEDED");
            assertThat(record.path("result").path("message").asString()).isEqualTo("Hello, gateway");
            assertThat(record.path("result").path("function").asString()).isEqualTo("image-hello");

            assertThat(taskContainers()).singleElement().satisfies(task -> assertThat(task.getLabels())
                    .containsEntry("edgecoord.instance", instanceId)
                    .containsEntry("edgecoord.task", "image-hello")
                    .containsEntry("edgecoord.environment", record.path("environmentId").asString()));

            long exitCode = coordinator.stop(Duration.ofSeconds(30));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> taskContainers().isEmpty());
            assertThat(exitCode).as("exit code after SIGTERM; output:%n%s", coordinator.output()).isIn(0L, 143L);
            // The ahead-of-time cache (or CDS archive) the image's training run made must fit the
            // JVM that runs it: the JVM would go on without it, only slower, and say so (an error
            // tagged aot, a warning tagged cds). JDK 25 also warns that one adapter's code was not
            // taken from the cache (two fingerprints share a hash, JDK-8364929): harmless, allowed.
            assertThat(coordinator.output()).as("the JVM's words on its class cache")
                    .doesNotContainPattern("\\[error *\\]\\[(aot|cds)|\\[warning *\\]\\[cds *\\]");
        }
    }

    private List<Container> taskContainers() {
        return docker.listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of("edgecoord.instance", instanceId)).exec();
    }

    /** The image's USER, which must be numeric and not root; skips (or fails under CI) without the image. */
    private String imageUser() {
        String user;
        try {
            user = docker.inspectImageCmd(IMAGE).exec().getConfig().getUser();
        }
        catch (NotFoundException ex) {
            String reason = "No image " + IMAGE + " in the engine: make it with scripts/local-build-images.sh";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(reason + " (CI=true, so a missing image fails)", ex);
            }
            Assumptions.abort(reason);
            throw ex;
        }
        assertThat(user).as("the image's USER").matches("[1-9][0-9]*(:[0-9]+)?");
        return user;
    }

    private static String dockerSocket() {
        URI host = URI.create(DockerAvailableCondition.dockerHost());
        Assumptions.assumeTrue("unix".equals(host.getScheme()), "the engine is not at a unix socket: " + host);
        return host.getPath();
    }

    private static String socketGroup(String socket) {
        try {
            return String.valueOf(Files.getAttribute(Path.of(socket), "unix:gid"));
        }
        catch (IOException ex) {
            throw new IllegalStateException("Cannot read the group of " + socket, ex);
        }
    }
}
