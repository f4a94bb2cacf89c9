package io.edgecoord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DockerAvailableConditionTests {

    @Test
    void runsTestsWhenTheEngineAnswers() {
        assertThat(DockerAvailableCondition.decide("unix:///x", "", "true").isDisabled()).isFalse();
    }

    @Test
    void skipsTestsWithoutAnEngineOutsideCi() {
        var result = DockerAvailableCondition.decide("unix:///x", "SocketException: No such file", null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("No such file"));
    }

    @Test
    void failsTestsWithoutAnEngineUnderCi() {
        assertThatThrownBy(() -> DockerAvailableCondition.decide("unix:///x", "SocketException: No such file", "true"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CI=true");
    }

    @Test
    void reportsWhyAMissingEngineCannotBeReached() {
        assertThat(DockerAvailableCondition.ping("unix:///tmp/nonexistent.sock")).contains("No such file");
    }

    @Test
    void defaultsToTheLocalSocket() {
        assertThat(DockerAvailableCondition.host(null)).isEqualTo("unix:///var/run/docker.sock");
        assertThat(DockerAvailableCondition.host("tcp://10.0.0.2:2375")).isEqualTo("tcp://10.0.0.2:2375");
    }
}
