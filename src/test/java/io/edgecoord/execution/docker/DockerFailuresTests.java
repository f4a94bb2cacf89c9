package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;

import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.exception.InternalServerErrorException;
import org.junit.jupiter.api.Test;

import io.edgecoord.execution.EnvironmentStartException;
import io.edgecoord.execution.ExecutionUnavailableException;

class DockerFailuresTests {

    // as docker-java reports a missing unix socket
    private final RuntimeException missingSocket =
            new RuntimeException(new SocketException("No such file or directory"));

    @Test
    void treatsIoFailuresAsAnUnreachableEngine() {
        assertThat(DockerFailures.isUnreachable(missingSocket)).isTrue();
        assertThat(DockerFailures.isUnreachable(new ConflictException("Status 409: {\"message\":\"x\"}"))).isFalse();
        assertThat(DockerFailures.isUnreachable(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void reportsTheDaemonsOwnMessage() {
        var conflict = new ConflictException("Status 409: {\"message\":\"Conflict. The container name "
                + "\\\"/edgecoord-a-b\\\" is already in use\"}\n");

        assertThat(DockerFailures.describe(conflict))
                .isEqualTo("Conflict. The container name \"/edgecoord-a-b\" is already in use");
        assertThat(DockerFailures.describe(missingSocket)).isEqualTo("No such file or directory");
        assertThat(DockerFailures.daemonMessage("Status 500: plain words\n")).isEqualTo("Status 500: plain words");
        assertThat(DockerFailures.daemonMessage("Status 500: {broken")).isEqualTo("Status 500: {broken");
    }

    @Test
    void translatesStartFailuresIntoNamedExceptions() {
        var unavailable = DockerFailures.onStart("unix:///x.sock", "create container c", missingSocket);
        var refused = DockerFailures.onStart("unix:///x.sock", "start container c",
                new InternalServerErrorException("Status 500: {\"message\":\"invalid mount config\"}"));

        assertThat(unavailable).isInstanceOf(DockerUnavailableException.class)
                .isInstanceOf(ExecutionUnavailableException.class);
        assertThat(((ExecutionUnavailableException) unavailable).getBody().getDetail())
                .isEqualTo("The Docker engine at unix:///x.sock cannot be reached: No such file or directory");
        assertThat(refused).isInstanceOf(EnvironmentStartException.class)
                .hasMessage("Docker could not start container c: invalid mount config");
    }

    @Test
    void recognisesNotFound() {
        assertThat(DockerFailures.isNotFound(new NotFoundException("Status 404: {\"message\":\"No such container\"}")))
                .isTrue();
        assertThat(DockerFailures.isNotFound(missingSocket)).isFalse();
    }
}
