package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.ProcessCoordinatorTest;

/** {@code /actuator/info} tells which build runs: version and time, the commit, and the JVM. */
class ActuatorInfoTests extends ProcessCoordinatorTest {

    @Test
    void infoShowsTheBuildTheCommitAndTheJvm() {
        JsonNode info = admin().json(admin().get("/actuator/info"));

        assertThat(info.at("/build/artifact").asString()).isEqualTo("edgecoord");
        assertThat(info.at("/build/version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(info.at("/build/time").isString()).isTrue();
        assertThat(info.at("/git/commit/id").asString()).matches("[0-9a-f]{7,}");
        assertThat(info.at("/java/version").asString()).isNotEmpty();
    }
}
