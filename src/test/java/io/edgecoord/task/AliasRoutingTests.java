package io.edgecoord.task;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AliasRoutingTests {

    @Test
    void anAliasWithoutACanaryAlwaysRunsItsVersion() {
        AliasRouting routing = AliasRouting.of("hello", "live", 3, null, null);
        assertThat(routing.pick(0.0)).isEqualTo(3);
        assertThat(routing.pick(0.999)).isEqualTo(3);
    }

    @Test
    void aCanaryGetsTheDrawsUnderItsWeight() {
        AliasRouting routing = AliasRouting.of("hello", "live", 3, 4, 0.25);
        assertThat(routing.pick(0.0)).isEqualTo(4);
        assertThat(routing.pick(0.2499)).isEqualTo(4);
        assertThat(routing.pick(0.25)).isEqualTo(3);
        assertThat(routing.pick(0.9)).isEqualTo(3);
    }

    @Test
    void aCanaryOfWeightZeroGetsNothingAndOfWeightOneEverything() {
        assertThat(AliasRouting.of("hello", "live", 3, 4, 0.0).pick(0.0)).isEqualTo(3);
        assertThat(AliasRouting.of("hello", "live", 3, 4, 1.0).pick(0.9999)).isEqualTo(4);
    }
}
