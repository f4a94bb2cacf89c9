package io.edgecoord.device.registry;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Device definitions resolved against their profile and the settings. */
class DeviceResolverTests {

    private final DeviceResolver resolver = new DeviceResolver(DeviceProperties.defaults().poll());

    @Test
    void takesTheProfilesIntervalAndDerivesTimeoutAndLink() {
        PolledDevice device = this.resolver.resolve(request(new Polling(null, null, null)), DeviceFixtures.thermostat());
        assertThat(device.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(device.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(device.binding().linkId()).isEqualTo("http://10.0.0.7:8080");
        assertThat(device.pollResources()).extracting(ProfileResource::name)
            .containsExactly("temperature", "setpoint", "mode");
    }

    @Test
    void defaultTimeoutIsFourFifthsOfAShortInterval() {
        PolledDevice device = this.resolver.resolve(request(new Polling("2s", null, "status")),
                DeviceFixtures.thermostat());
        assertThat(device.timeout()).isEqualTo(Duration.ofMillis(1600));
        assertThat(device.pollResources()).extracting(ProfileResource::name).containsExactly("temperature", "setpoint");
    }

    @Test
    void refusesATimeoutThatIsNotShorterThanTheInterval() {
        assertThatExceptionOfType(InvalidDefinitionException.class).isThrownBy(
                () -> this.resolver.resolve(request(new Polling("2s", "2s", null)), DeviceFixtures.thermostat()))
            .withMessageContaining("polling.timeout");
    }

    @Test
    void refusesAnIntervalBelowTheAdminMinimum() {
        assertThatExceptionOfType(InvalidDefinitionException.class).isThrownBy(
                () -> this.resolver.resolve(request(new Polling("500ms", null, null)), DeviceFixtures.thermostat()));
    }

    @Test
    void refusesASourceTheProfileDoesNotHave() {
        assertThatExceptionOfType(InvalidDefinitionException.class).isThrownBy(
                () -> this.resolver.resolve(request(new Polling(null, null, "humidity")), DeviceFixtures.thermostat()));
    }

    private static RegisterDeviceRequest request(Polling polling) {
        return new RegisterDeviceRequest("t-1", null, null, "thermostat-v1",
                new HttpBinding("http://10.0.0.7:8080/api", null), polling, null, null);
    }
}
