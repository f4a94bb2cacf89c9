package io.edgecoord.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTests {

    @Test
    void publishesEachEventOnItsTopic() {
        assertThat(Topics.readings("th-1", "status")).isEqualTo("devices/th-1/readings/status");
        assertThat(Topics.connectivity("th-1")).isEqualTo("devices/th-1/connectivity");
        assertThat(Topics.shadowDelta("th-1")).isEqualTo("$aws/things/th-1/shadow/update/delta");
        assertThat(Topics.taskResults("hello")).isEqualTo("tasks/hello/results");
        assertThat(Topics.schedule("42")).isEqualTo("schedules/42");
    }

    @Test
    void percentEncodesWhatWouldChangeATopicsStructure() {
        assertThat(Topics.level("a/b+c#d$e%f")).isEqualTo("a%2Fb%2Bc%23d%24e%25f");
        assertThat(Topics.level("$dev")).isEqualTo("%24dev");
        assertThat(Topics.level("tab\there")).isEqualTo("tab%09here");
    }

    @Test
    void leavesOtherCharactersAsTheyAre() {
        assertThat(Topics.level("Kühlhaus-3 (süd)")).isEqualTo("Kühlhaus-3 (süd)");
    }
}
