package io.edgecoord.device.registry;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceBundles;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.DeviceProfiles;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.Profile;
import io.edgecoord.device.profile.ProfileInUseException;
import io.edgecoord.device.profile.ProfileRepository;
import io.edgecoord.device.profile.UnknownProfileException;
import io.edgecoord.persistence.AfterCommit;

/**
 * {@link DeviceBundles} over the same repositories, resolver and address guard as the REST API.
 * Every effect on memory or the poller is registered to run after the caller's commit, in the
 * order the bundle made the changes (profiles before the devices that use them).
 */
@Service
class BundledDevices implements DeviceBundles {

    private final ProfileRepository profiles;
    private final DeviceRepository devices;
    private final RegisteredDevices registry;
    private final Validator validator;
    private final JsonMapper json;
    private final JsonMapper strict;
    private final Clock clock;

    BundledDevices(ProfileRepository profiles, DeviceRepository devices, RegisteredDevices registry,
            Validator validator, JsonMapper json, Clock clock) {
        this.profiles = profiles;
        this.devices = devices;
        this.registry = registry;
        this.validator = validator;
        this.json = json;
        // A misspelt field in a bundle must be refused, as the REST API refuses it.
        this.strict = json.rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        this.clock = clock;
    }

    @Override
    public List<String> profileNames() {
        return this.profiles.findAll(Sort.by("name")).stream().map(Profile::name).toList();
    }

    @Override
    public List<String> deviceNames() {
        return this.devices.findAll(Sort.by("name")).stream().map(Device::name).sorted().toList();
    }

    @Override
    public Outcome putProfile(Map<String, Object> definition) {
        DeviceProfile profile = valid(definition, DeviceProfile.class).validated();
        String document = this.json.writeValueAsString(profile);
        Profile stored = this.profiles.findById(profile.name()).orElse(null);
        if (stored == null) {
            this.profiles.save(new Profile(profile.name(), document, this.clock.instant()));
            return Outcome.CREATED;
        }
        if (stored.document().equals(document)) {
            return Outcome.UNCHANGED;
        }
        stored.redefine(document, this.clock.instant());
        AfterCommit.run(() -> this.registry.onProfileRedefined(new DeviceProfiles.ProfileRedefined(profile)));
        return Outcome.CHANGED;
    }

    @Override
    public Outcome putDevice(Map<String, Object> given) {
        RegisterDeviceRequest definition = valid(given, RegisterDeviceRequest.class);
        DeviceProfile profile = this.profiles.findById(definition.profile())
            .map((p) -> this.json.readValue(p.document(), DeviceProfile.class))
            .orElseThrow(() -> new UnknownProfileException("No device profile is named '" + definition.profile() + "'."));
        PolledDevice polled = this.registry.admit(definition, profile);
        String document = this.json.writeValueAsString(definition);
        Device stored = this.devices.findByName(definition.name()).orElse(null);
        Outcome outcome;
        if (stored == null) {
            stored = new Device(UUID.randomUUID(), definition.name(), definition.profile(), definition.adminState(),
                    document, this.clock.instant());
            outcome = Outcome.CREATED;
        }
        else if (stored.document().equals(document)) {
            return Outcome.UNCHANGED;
        }
        else {
            stored.redefine(definition.profile(), definition.adminState(), document, this.clock.instant());
            outcome = Outcome.CHANGED;
        }
        Device saved = this.devices.saveAndFlush(stored);
        AfterCommit.run(() -> this.registry.adopt(saved, definition, polled));
        return outcome;
    }

    @Override
    public void deleteProfile(String name) {
        Profile stored = this.profiles.findById(name).orElse(null);
        if (stored == null) {
            return;
        }
        this.devices.flush();
        if (this.devices.existsByProfileName(name)) {
            throw new ProfileInUseException("Devices use profile '" + name + "'; delete or move them first.");
        }
        this.profiles.delete(stored);
    }

    @Override
    public void deleteDevice(String name) {
        this.devices.findByName(name).ifPresent((device) -> {
            this.devices.delete(device);
            this.devices.flush();
            AfterCommit.run(() -> this.registry.drop(name));
        });
    }

    private <T> T valid(Map<String, Object> definition, Class<T> type) {
        T value;
        try {
            value = this.strict.convertValue(definition, type);
        }
        catch (JacksonException ex) {
            throw new InvalidDefinitionException(ex.getOriginalMessage());
        }
        Set<ConstraintViolation<T>> violations = this.validator.validate(value);
        if (!violations.isEmpty()) {
            throw new InvalidDefinitionException(violations.stream()
                .map((v) -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        }
        return value;
    }
}
