package io.edgecoord.device.registry;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceInfo;
import io.edgecoord.device.DeviceRegistry;
import io.edgecoord.device.polling.Connectivity;
import io.edgecoord.device.polling.DeviceRuntime;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.DeviceProfiles;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.reading.ReadingHistory;

/**
 * The device registry: stores definitions in the database, keeps every device in memory for the
 * poller and for fast lists, and starts, restarts and stops schedules as devices change. Writes
 * are serialised (they are rare); reads are lock-free. One coordinator per database is assumed.
 */
@Service
public class RegisteredDevices implements DeviceRegistry {

    private static final Logger log = LoggerFactory.getLogger(RegisteredDevices.class);

    private final ConcurrentSkipListMap<String, StoredDevice> devices = new ConcurrentSkipListMap<>();

    private final DeviceRepository repository;

    private final DeviceProfiles profiles;

    private final DeviceResolver resolver;

    private final DeviceAddresses addresses;

    private final DeviceRuntime runtime;

    private final JsonMapper json;

    private final Validator validator;

    private final Clock clock;

    private final ReadingHistory history;

    private final DeviceSecrets secrets;

    RegisteredDevices(DeviceRepository repository, DeviceProfiles profiles, DeviceRuntime runtime, JsonMapper json,
            Validator validator, Clock clock, ReadingHistory history, DeviceSecrets secrets) {
        this.history = history;
        this.secrets = secrets;
        this.repository = repository;
        this.profiles = profiles;
        this.resolver = new DeviceResolver(runtime.properties().poll());
        this.addresses = new DeviceAddresses(runtime.addresses());
        this.runtime = runtime;
        this.json = json;
        this.validator = validator;
        this.clock = clock;
    }

    /**
     * Loads every stored device and starts polling the unlocked ones. A device stored with its
     * password in plain text (before passwords were sealed) is stored again, sealed: the
     * migration of those rows, which needs the secret key and so cannot be a SQL migration.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        for (Device device : this.repository.findAll()) {
            try {
                DeviceSecrets.Opened opened = this.secrets.open(device.document());
                RegisterDeviceRequest definition = opened.definition();
                if (opened.plain()) {
                    device.reseal(this.secrets.document(definition));
                    device = this.repository.saveAndFlush(device);
                    log.info("Device {}: its stored password is sealed now", device.name());
                }
                remember(device, definition, this.resolver.resolve(definition, this.profiles.forDevice(definition.profile())));
            }
            catch (RuntimeException ex) {
                log.error("Device {} cannot be resolved and is not polled: {}", device.name(), ex.getMessage());
            }
        }
        log.info("Device registry loaded {} devices", this.devices.size());
    }

    @Override
    public Optional<DeviceInfo> find(String name) {
        return Optional.ofNullable(this.devices.get(name)).map(this::info);
    }

    public StoredDevice get(String name) {
        StoredDevice device = this.devices.get(name);
        if (device == null) {
            throw new DeviceNotFoundException("No device is named '" + name + "'.");
        }
        return device;
    }

    /** Whether the device exists and opted in to its values as Prometheus gauges. */
    public boolean exportsMetrics(String name) {
        StoredDevice device = this.devices.get(name);
        return device != null && device.definition().metrics();
    }

    Connectivity connectivity(String name) {
        return this.runtime.connectivity().get(get(name).name());
    }

    synchronized StoredDevice register(RegisterDeviceRequest definition) {
        if (this.devices.containsKey(definition.name()) || this.repository.findByName(definition.name()).isPresent()) {
            throw new NameTakenException("A device named '" + definition.name() + "' exists already.");
        }
        PolledDevice polled = this.resolver.resolve(definition, this.profiles.forDevice(definition.profile()));
        this.addresses.admit(polled.binding());
        Device device = new Device(UUID.randomUUID(), definition.name(), definition.profile(),
                definition.adminState(), this.secrets.document(definition), this.clock.instant());
        return remember(this.repository.saveAndFlush(device), definition, polled);
    }

    /** Applies a JSON merge patch, if {@code expectedRevision} (when given) is still current. */
    synchronized StoredDevice patch(String name, JsonNode patch, Long expectedRevision) {
        StoredDevice current = get(name);
        RegisterDeviceRequest definition = DevicePatch.apply(this.json, current.definition(), patch);
        return redefine(current, definition, expectedRevision);
    }

    synchronized StoredDevice changeAdminState(String name, AdminState state) {
        StoredDevice current = get(name);
        return redefine(current, current.definition().withAdminState(state), null);
    }

    synchronized void delete(String name) {
        StoredDevice device = get(name);
        this.repository.deleteById(device.id());
        this.devices.remove(name);
        this.runtime.forget(name);
        this.history.forget(name);
    }

    /** Resolves a bundle's device against the profile it will have, refusing an address the guard does not admit. */
    PolledDevice admit(RegisterDeviceRequest definition, DeviceProfile profile) {
        PolledDevice polled = this.resolver.resolve(definition, profile);
        this.addresses.admit(polled.binding());
        return polled;
    }

    /** After a bundle's commit: holds the device it stored and starts, restarts or stops its polling. */
    synchronized void adopt(Device saved, RegisterDeviceRequest definition, PolledDevice polled) {
        StoredDevice before = this.devices.get(definition.name());
        remember(saved, definition, polled);
        if (before != null) {
            this.runtime.apply(before.polled(), polled);
        }
    }

    /** After a bundle's commit: forgets a device it deleted, which stops its polling. */
    synchronized void drop(String name) {
        if (this.devices.remove(name) != null) {
            this.runtime.forget(name);
            this.history.forget(name);
        }
    }

    List<StoredDevice> list(String label, String profile, ConnectivityStatus status, AdminState adminState) {
        return this.devices.values()
            .stream()
            .filter((d) -> label == null || d.definition().labels().contains(label))
            .filter((d) -> profile == null || d.definition().profile().equals(profile))
            .filter((d) -> adminState == null || d.definition().adminState() == adminState)
            .filter((d) -> status == null || this.runtime.connectivity().status(d.name()) == status)
            .sorted(Comparator.comparing(StoredDevice::name))
            .toList();
    }

    @EventListener
    synchronized void onProfileRedefined(DeviceProfiles.ProfileRedefined event) {
        this.devices.values()
            .stream()
            .filter((d) -> d.definition().profile().equals(event.profile().name()))
            .forEach((d) -> {
                try {
                    PolledDevice polled = this.resolver.resolve(d.definition(), event.profile());
                    StoredDevice updated = new StoredDevice(d.id(), d.definition(), polled, d.revision(),
                            d.createdAt(), d.modifiedAt());
                    this.devices.put(d.name(), updated);
                    this.runtime.apply(null, polled);
                }
                catch (RuntimeException ex) {
                    log.error("Device {} no longer fits profile {} and is not polled: {}", d.name(),
                            event.profile().name(), ex.getMessage());
                    this.runtime.stop(d.name());
                }
            });
    }

    private StoredDevice redefine(StoredDevice current, RegisterDeviceRequest definition, Long expectedRevision) {
        if (expectedRevision != null && expectedRevision != current.revision()) {
            throw new RevisionMismatchException("Device '" + current.name() + "' is at revision "
                    + current.revision() + ", not " + expectedRevision + ".");
        }
        Set<ConstraintViolation<RegisterDeviceRequest>> violations = this.validator.validate(definition);
        if (!violations.isEmpty()) {
            throw new InvalidDefinitionException(violations.stream()
                .map((v) -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
        }
        PolledDevice polled = this.resolver.resolve(definition, this.profiles.forDevice(definition.profile()));
        if (!polled.binding().equals(current.polled().binding())) {
            this.addresses.admit(polled.binding());
        }
        Device device = this.repository.findById(current.id()).orElseThrow();
        if (device.revision() != current.revision()) {
            throw new RevisionMismatchException("Device '" + current.name() + "' changed meanwhile.");
        }
        device.redefine(definition.profile(), definition.adminState(), this.secrets.document(definition),
                this.clock.instant());
        try {
            StoredDevice updated = remember(this.repository.saveAndFlush(device), definition, polled);
            this.runtime.apply(current.polled(), polled);
            return updated;
        }
        catch (OptimisticLockingFailureException ex) {
            throw new RevisionMismatchException("Device '" + current.name() + "' changed meanwhile.");
        }
    }

    private StoredDevice remember(Device device, RegisterDeviceRequest definition, PolledDevice polled) {
        StoredDevice stored = new StoredDevice(device.id(), definition, polled, device.revision(), device.createdAt(),
                device.modifiedAt());
        boolean known = this.devices.put(definition.name(), stored) != null;
        if (!known) {
            this.runtime.apply(null, polled);
        }
        return stored;
    }

    private DeviceInfo info(StoredDevice device) {
        List<ProfileResource> resources = device.polled().profile().resources();
        return new DeviceInfo(device.name(), device.definition().profile(),
                resources.stream().filter((r) -> r.readWrite().readable()).map(ProfileResource::name)
                    .collect(Collectors.toUnmodifiableSet()),
                resources.stream().filter((r) -> r.readWrite().writable()).map(ProfileResource::name)
                    .collect(Collectors.toUnmodifiableSet()),
                device.polled().locked(), this.runtime.connectivity().status(device.name()));
    }
}
