package io.edgecoord.device.registry;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

import io.edgecoord.device.profile.Profile;
import io.edgecoord.device.profile.ProfileRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The V3 schema and the device repositories, on the embedded database. */
@DataJpaTest
class DeviceRepositoryTests {

    @Autowired
    ProfileRepository profiles;

    @Autowired
    DeviceRepository devices;

    @Test
    void storesDevicesWithARevisionThatMovesOnEveryChange() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        this.profiles.saveAndFlush(new Profile("thermostat-v1", "{}", now));
        Device saved = this.devices.saveAndFlush(
                new Device(UUID.randomUUID(), "hall-1", "thermostat-v1", AdminState.UNLOCKED, "{}", now));
        long first = saved.revision();
        saved.redefine("thermostat-v1", AdminState.LOCKED, "{\"a\":1}", now.plusSeconds(1));
        Device changed = this.devices.saveAndFlush(saved);
        assertThat(changed.revision()).isEqualTo(first + 1);
        assertThat(this.devices.findByName("hall-1")).isPresent();
        assertThat(this.devices.existsByProfileName("thermostat-v1")).isTrue();
        assertThat(this.devices.existsByProfileName("other")).isFalse();
    }
}
