package io.edgecoord.device.profile;

import java.time.Clock;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.registry.DeviceRepository;
import io.edgecoord.device.registry.NameTakenException;

/** Device profiles: create, read, replace, delete (refused while devices use one). */
@Service
public class DeviceProfiles {

    private final ProfileRepository profiles;

    private final DeviceRepository devices;

    private final JsonMapper json;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    DeviceProfiles(ProfileRepository profiles, DeviceRepository devices, JsonMapper json,
            ApplicationEventPublisher events, Clock clock) {
        this.profiles = profiles;
        this.devices = devices;
        this.json = json;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    DeviceProfile create(DeviceProfile profile) {
        profile.validated();
        if (this.profiles.existsById(profile.name())) {
            throw new NameTakenException("A device profile named '" + profile.name() + "' exists already.");
        }
        this.profiles.save(new Profile(profile.name(), this.json.writeValueAsString(profile), this.clock.instant()));
        return profile;
    }

    @Transactional(readOnly = true)
    DeviceProfile get(String name) {
        return find(name);
    }

    @Transactional(readOnly = true)
    List<DeviceProfile> list() {
        return this.profiles.findAll(Sort.by("name")).stream().map(this::parse).toList();
    }

    /** Replaces a profile; devices that use it are re-resolved and rescheduled. */
    @Transactional
    DeviceProfile replace(String name, DeviceProfile profile) {
        if (!name.equals(profile.name())) {
            throw new InvalidDefinitionException("The body's name '" + profile.name() + "' is not '" + name + "'.");
        }
        profile.validated();
        Profile stored = this.profiles.findById(name).orElseThrow(() -> notFound(name));
        stored.redefine(this.json.writeValueAsString(profile), this.clock.instant());
        this.events.publishEvent(new ProfileRedefined(profile));
        return profile;
    }

    @Transactional
    void delete(String name) {
        Profile stored = this.profiles.findById(name).orElseThrow(() -> notFound(name));
        if (this.devices.existsByProfileName(name)) {
            throw new ProfileInUseException("Devices use profile '" + name + "'; delete or move them first.");
        }
        this.profiles.delete(stored);
    }

    /** The profile, or an {@link UnknownProfileException} for a device that names it. */
    @Transactional(readOnly = true)
    public DeviceProfile forDevice(String name) {
        return this.profiles.findById(name)
            .map(this::parse)
            .orElseThrow(() -> new UnknownProfileException("No device profile is named '" + name + "'."));
    }

    private DeviceProfile find(String name) {
        return this.profiles.findById(name).map(this::parse).orElseThrow(() -> notFound(name));
    }

    private DeviceProfile parse(Profile profile) {
        return this.json.readValue(profile.document(), DeviceProfile.class);
    }

    private static ProfileNotFoundException notFound(String name) {
        return new ProfileNotFoundException("No device profile is named '" + name + "'.");
    }

    /** A profile was replaced; its devices must be resolved again. */
    public record ProfileRedefined(DeviceProfile profile) {
    }
}
