package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.unit.DataSize;

import io.edgecoord.DockerAvailable;
import io.edgecoord.DockerAvailableCondition;

/**
 * Image builds against the real engine. The base image gets a fresh alias per run, so the hash,
 * and with it the image, is new and really built here; both are removed afterwards.
 */
@DockerAvailable
class RuntimeImagesIntegrationTests {

    static final String HOST = DockerAvailableCondition.dockerHost();

    private final String base = "edgecoord-it-base:" + UUID.randomUUID().toString().substring(0, 8);

    private final DockerClients docker = DockerClients.connect(HOST);

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    private RuntimeImages images;

    private String built;

    @BeforeEach
    void aliasTheBaseImage() {
        docker.requests().tagImageCmd("debian:bookworm-slim", base.split(":")[0], base.split(":")[1]).exec();
        images = new RuntimeImages(docker, new DockerProperties(HOST, "images-it", 1.0, 128, DataSize.ofMegabytes(64),
                "10001:10001", base, "1m", Duration.ofMinutes(10)), new PathMatchingResourcePatternResolver(),
                Clock.systemUTC());
        logged.start();
        ((Logger) LoggerFactory.getLogger(RuntimeImages.class)).addAppender(logged);
    }

    @AfterEach
    void removeTheImages() throws Exception {
        ((Logger) LoggerFactory.getLogger(RuntimeImages.class)).detachAppender(logged);
        if (built != null) {
            docker.requests().removeImageCmd(built).withForce(true).exec();
        }
        docker.requests().removeImageCmd(base).exec();
        docker.close();
    }

    @Test
    void buildsOnceForConcurrentCallersWhoAllGetTheSameImage() throws Exception {
        long started = System.nanoTime();
        List<Future<String>> calls;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<String> ensure = () -> images.ensure("test-shell");
            calls = threads.invokeAll(List.of(ensure, ensure, ensure, ensure));
        }
        System.out.printf("4 concurrent ensure() with one cold build: %d ms%n", (System.nanoTime() - started) / 1_000_000);
        built = calls.get(0).get();

        assertThat(built).matches("edgecoord-runtime-test-shell:[0-9a-f]{12}");
        for (Future<String> call : calls) {
            assertThat(call.get()).isEqualTo(built);
        }
        assertThat(logged.list).filteredOn(e -> e.getFormattedMessage().startsWith("Building runtime image")).hasSize(1);
        assertThat(docker.requests().inspectImageCmd(built).exec().getConfig().getLabels())
                .containsEntry("edgecoord.runtime", "test-shell");
    }

    @Test
    void removesTheImagesARuntimeHadBeforeOnTheSameBaseOnce() {
        built = images.ensure("test-shell");
        String older = "edgecoord-runtime-test-shell:0ld000000000";
        docker.requests().tagImageCmd(built, older.split(":")[0], older.split(":")[1]).exec();

        RuntimeImages afterAnUpgrade = new RuntimeImages(docker, new DockerProperties(HOST, "images-it", 1.0, 128,
                DataSize.ofMegabytes(64), "10001:10001", base, "1m", Duration.ofMinutes(10)),
                new PathMatchingResourcePatternResolver(), Clock.systemUTC());
        assertThat(afterAnUpgrade.ensure("test-shell")).isEqualTo(built);

        assertThat(docker.requests().listImagesCmd().exec()).flatExtracting(image -> List.of(image.getRepoTags()))
                .doesNotContain(older).contains(built);
        assertThat(docker.requests().inspectImageCmd(built).exec().getConfig().getLabels())
                .containsEntry("edgecoord.base-image", base);
    }

    @Test
    void namesAnUnknownRuntime() {
        assertThatThrownBy(() -> images.ensure("cobol85")).isInstanceOf(UnknownRuntimeException.class)
                .hasMessageContaining("cobol85");
    }
}
