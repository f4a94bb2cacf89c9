package io.edgecoord.device.profile;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The deadband rule, and which values of a reading are published under it. */
class DeadbandTests {

    @Test
    void anAbsoluteBandPublishesOnlyAMoveBeyondIt() {
        ProfileResource level = resource(ValueType.FLOAT64, new Deadband(0.5, null), null, null);
        Deadband band = level.deadband();
        assertThat(band.passes(level, null, 20.0)).isTrue();
        assertThat(band.passes(level, 20.0, 20.4)).isFalse();
        assertThat(band.passes(level, 20.0, 20.5)).as("exactly the band is not enough").isFalse();
        assertThat(band.passes(level, 20.0, 19.4)).isTrue();
    }

    @Test
    void aPercentBandIsOfTheResourcesSpan() {
        ProfileResource level = resource(ValueType.INT32, new Deadband(null, 2.0), -50.0, 150.0);
        assertThat(level.deadband().band(level)).isEqualTo(4.0);
        assertThat(level.deadband().passes(level, 10L, 14L)).isFalse();
        assertThat(level.deadband().passes(level, 10L, 15L)).isTrue();
    }

    @Test
    void anArrayPublishesWhenAnyElementMovesOrItsLengthChanges() {
        ProfileResource levels = resource(ValueType.INT16_ARRAY, new Deadband(1.0, null), null, null);
        Deadband band = levels.deadband();
        assertThat(band.passes(levels, List.of(1L, 2L), List.of(2L, 1L))).isFalse();
        assertThat(band.passes(levels, List.of(1L, 2L), List.of(1L, 4L))).isTrue();
        assertThat(band.passes(levels, List.of(1L, 2L), List.of(1L, 2L, 3L))).isTrue();
    }

    @Test
    void aUint64IsComparedWithoutLosingDigits() {
        ProfileResource counter = resource(ValueType.UINT64, new Deadband(1.0, null), null, null);
        BigInteger big = new BigInteger("18446744073709551610");
        assertThat(counter.deadband().passes(counter, big, big.add(BigInteger.ONE))).isFalse();
        assertThat(counter.deadband().passes(counter, big, big.add(BigInteger.TWO))).isTrue();
    }

    @Test
    void refusesABandThatCannotApply() {
        assertThatThrownBy(() -> new Deadband(1.0, 1.0).check(resource(ValueType.FLOAT64, null, 0.0, 1.0)))
            .hasMessageContaining("one of them");
        assertThatThrownBy(() -> new Deadband(null, 5.0).check(resource(ValueType.FLOAT64, null, null, null)))
            .hasMessageContaining("needs the resource's minimum and maximum");
        assertThatThrownBy(() -> new Deadband(1.0, null).check(resource(ValueType.STRING, null, null, null)))
            .hasMessageContaining("not STRING");
        assertThatThrownBy(() -> new Deadband(-1.0, null).check(resource(ValueType.INT16, null, null, null)))
            .hasMessageContaining("must not be negative");
    }

    @Test
    void publishedValuesHoldBackSmallMovesFromTheLastPublishedNotTheLastRead() {
        DeviceProfile profile = new DeviceProfile("p", null, null, null, List.of(
                resource(ValueType.FLOAT64, new Deadband(0.5, null), null, null),
                new ProfileResource("mode", ValueType.STRING, ReadWrite.R, null, null, null, null, null, null, null)),
                null, null);
        PublishedValues published = new PublishedValues();
        assertThat(published.select(profile, "d", Map.of("level", 20.0, "mode", "A"), false)).containsOnlyKeys("level", "mode");
        assertThat(published.select(profile, "d", Map.of("level", 20.4, "mode", "A"), false)).containsOnlyKeys("mode");
        assertThat(published.select(profile, "d", Map.of("level", 20.8), false)).containsEntry("level", 20.8);
        assertThat(published.select(profile, "d", Map.of("level", 21.2), false)).isEmpty();
        assertThat(published.select(profile, "d", Map.of("level", 21.2), true)).containsEntry("level", 21.2);
        published.forget("d");
        assertThat(published.select(profile, "d", Map.of("level", 21.3), false)).containsEntry("level", 21.3);
    }

    private static ProfileResource resource(ValueType type, Deadband band, Double minimum, Double maximum) {
        return new ProfileResource("level", type, ReadWrite.R, null, minimum, maximum, null, null, null, null, band);
    }
}
