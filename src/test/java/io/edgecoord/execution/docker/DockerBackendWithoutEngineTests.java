package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import io.edgecoord.execution.EnvironmentSpec;
import io.edgecoord.execution.ExecutionUnavailableException;

/** The backend pointed at an engine that is not there: it must say so, not fail to start. */
class DockerBackendWithoutEngineTests {

    static final String MISSING = "unix:///tmp/nonexistent.sock";

    private final DockerProperties properties = TestSettings.properties(MISSING, "no-engine");

    private final DockerClients docker = DockerClients.connect(MISSING);

    private final DockerBackend backend = new DockerBackend(docker, properties,
            new RuntimeImages(docker, properties, new PathMatchingResourcePatternResolver(), Clock.systemUTC()),
            Clock.systemUTC());

    @AfterEach
    void close() throws Exception {
        docker.close();
    }

    @Test
    void reportsItselfUnavailableWithTheConnectionError() {
        var status = backend.status();

        assertThat(status.backend()).isEqualTo("docker");
        assertThat(status.available()).isFalse();
        assertThat(status.detail()).contains("No such file or directory");
        assertThat(new DockerHealthIndicator(backend).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void refusesToCreateWithA503NamingTheEngine() {
        var spec = new EnvironmentSpec("t", 1, "test-shell", "h", 64, Map.of(), Path.of("/tmp"), false);

        assertThatThrownBy(() -> backend.create("e1", spec, Path.of("/tmp"), new RecordingCallbacks()))
                .isInstanceOf(DockerUnavailableException.class)
                .isInstanceOf(ExecutionUnavailableException.class)
                .satisfies(e -> assertThat(((ExecutionUnavailableException) e).getBody().getDetail())
                        .startsWith("The Docker engine at " + MISSING + " cannot be reached: ")
                        .contains("No such file or directory"));
    }

    @Test
    void startsAndStopsWithoutTheEngine() {
        assertThatCode(backend::init).doesNotThrowAnyException();
        assertThatCode(backend::cleanup).doesNotThrowAnyException();
    }
}
