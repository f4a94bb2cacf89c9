package io.edgecoord.invocation.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class PreferencesTests {

    @Test
    void respondAsyncIsFoundAmongOtherPreferences() {
        assertThat(Preferences.parse(List.of("return=minimal, Respond-Async")).respondAsync()).isTrue();
        assertThat(Preferences.parse(List.of("return=minimal", "respond-async")).respondAsync()).isTrue();
    }

    @Test
    void noHeaderMeansWaitForTheResult() {
        assertThat(Preferences.parse(null)).isEqualTo(new Preferences(false, java.util.Optional.empty()));
    }

    @Test
    void waitIsReadInSecondsAndNonsenseIsIgnored() {
        assertThat(Preferences.parse(List.of("wait=5")).maxWait()).contains(Duration.ofSeconds(5));
        assertThat(Preferences.parse(List.of("wait=soon")).maxWait()).isEmpty();
        assertThat(Preferences.parse(List.of("wait=-1")).maxWait()).isEmpty();
    }

    @Test
    void aPreferenceOfOnlyParametersOrSeparatorsIsIgnored() {
        assertThat(Preferences.parse(List.of(";", ",;,", ";wait=1"))).isEqualTo(new Preferences(false,
                java.util.Optional.empty()));
    }
}
