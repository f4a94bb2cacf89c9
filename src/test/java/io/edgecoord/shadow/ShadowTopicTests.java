package io.edgecoord.shadow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShadowTopicTests {

    @Test
    void theThreeRequestTopicsOfAClassicShadowAreRequests() {
        assertThat(ShadowTopic.parse("$aws/things/lamp-1/shadow/update"))
                .contains(new ShadowTopic("lamp-1", ShadowTopic.Operation.UPDATE));
        assertThat(ShadowTopic.parse("$aws/things/lamp-1/shadow/get"))
                .contains(new ShadowTopic("lamp-1", ShadowTopic.Operation.GET));
        assertThat(ShadowTopic.parse("$aws/things/lamp-1/shadow/delete"))
                .contains(new ShadowTopic("lamp-1", ShadowTopic.Operation.DELETE));
    }

    @Test
    void answersNamedShadowsAndOtherTopicsAreNoRequests() {
        assertThat(ShadowTopic.parse("$aws/things/lamp-1/shadow/update/accepted")).isEmpty();
        assertThat(ShadowTopic.parse("$aws/things/lamp-1/shadow/name/n1/update")).isEmpty();
        assertThat(ShadowTopic.parse("$aws/things//shadow/get")).isEmpty();
        assertThat(ShadowTopic.parse("$aws/things/lamp-1/shadow/list")).isEmpty();
        assertThat(ShadowTopic.parse("devices/lamp-1/shadow/get")).isEmpty();
    }

    @Test
    void answersGoToAwsTopics() {
        ShadowTopic update = new ShadowTopic("lamp-1", ShadowTopic.Operation.UPDATE);
        assertThat(update.accepted()).isEqualTo("$aws/things/lamp-1/shadow/update/accepted");
        assertThat(update.rejected()).isEqualTo("$aws/things/lamp-1/shadow/update/rejected");
        assertThat(new ShadowTopic("lamp-1", ShadowTopic.Operation.DELETE).accepted())
                .isEqualTo("$aws/things/lamp-1/shadow/delete/accepted");
    }
}
