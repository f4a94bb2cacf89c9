package io.edgecoord.device.polling;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/** The device settings as Spring binds them at start-up. */
class DevicePropertiesTests {

    @Test
    void theNetworkListsAreEmptyByDefaultAndBindFromCommaSeparatedText() {
        assertThat(bind(Map.of()).network().allow()).isEmpty();
        DeviceProperties properties = bind(Map.of("edgecoord.device.network.allow", "127.0.0.1/32, fd00::/8",
                "edgecoord.device.network.deny", "10.9.0.0/16"));
        assertThat(properties.network().allow()).containsExactly("127.0.0.1/32", "fd00::/8");
        assertThat(properties.network().policy().deny()).hasToString("[10.9.0.0/16]");
    }

    @Test
    void aBadBlockFailsTheBindingWithTheSettingsName() {
        assertThatException().isThrownBy(() -> bind(Map.of("edgecoord.device.network.allow", "127.0.0.1/32,lan")))
            .satisfies((ex) -> assertThat(ex)
                .hasStackTraceContaining("edgecoord.device.network.allow: 'lan' is not an IPv4 or IPv6 CIDR block"));
        assertThatException().isThrownBy(() -> bind(Map.of("edgecoord.device.network.deny", "10.0.0.5/8")))
            .satisfies((ex) -> assertThat(ex).hasStackTraceContaining("edgecoord.device.network.deny: '10.0.0.5/8' "
                    + "has host bits set; did you mean 10.0.0.0/8?"));
    }

    private static DeviceProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
            .bindOrCreate("edgecoord.device", DeviceProperties.class);
    }
}
