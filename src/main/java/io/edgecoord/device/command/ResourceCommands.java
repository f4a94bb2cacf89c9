package io.edgecoord.device.command;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import io.edgecoord.device.DeviceCommands;
import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.mqtt.MqttDevices;
import io.edgecoord.device.polling.DeviceRuntime;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.polling.InvalidValueException;
import io.edgecoord.device.polling.Lane;
import io.edgecoord.device.polling.ReadOutcome;
import io.edgecoord.device.profile.InvalidDefinitionException;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.DeviceLockedException;
import io.edgecoord.device.registry.MqttBinding;
import io.edgecoord.device.registry.PolledDevice;
import io.edgecoord.device.registry.RegisteredDevices;

/**
 * Reads and writes devices on demand, through the same per-link gate as polls but outside the
 * polling lanes' caps; MQTT devices answer reads from their last telemetry, and writes go to their
 * command topic. Reads and writes count toward connectivity; every read, and every write's
 * read-back, publishes {@link DeviceReadingsPolled}.
 */
@Service
public class ResourceCommands implements DeviceCommands {

    private final RegisteredDevices registry;

    private final DeviceRuntime runtime;

    ResourceCommands(RegisteredDevices registry, DeviceRuntime runtime) {
        this.registry = registry;
        this.runtime = runtime;
    }

    @Override
    public Map<String, Object> read(String device, Collection<String> resources) {
        PolledDevice polled = unlocked(device);
        List<ProfileResource> chosen = resources.stream().map((name) -> resource(polled, name)).toList();
        chosen.stream().filter((r) -> !r.readWrite().readable()).findFirst().ifPresent((r) -> {
            throw new InvalidValueException("Resource '" + r.name() + "' is write-only.");
        });
        if (polled.binding() instanceof MqttBinding) {
            return lastPublished(polled, chosen);
        }
        String source = (resources.size() == 1) ? resources.iterator().next() : String.join(",", resources);
        return valuesOf(polled, read(polled, source, chosen)).values();
    }

    /** Reads the device's own poll source now; does not move its schedule. */
    DeviceReadingsPolled poll(String device) {
        PolledDevice polled = unlocked(device);
        if (polled.binding() instanceof MqttBinding) {
            return new DeviceReadingsPolled(device, MqttDevices.SOURCE, lastPublished(polled, polled.pollResources()),
                    java.util.Set.of(), this.runtime.connectivity().get(device).lastSuccessAt());
        }
        ReadOutcome.Read read = valuesOf(polled, read(polled, polled.source(), polled.pollResources()));
        return new DeviceReadingsPolled(device, polled.source(), read.values(), read.changed(), read.at());
    }

    /** The resources a name stands for: one resource, or a command's resources. */
    public List<String> resourcesOf(String device, String name) {
        PolledDevice polled = this.registry.get(device).polled();
        try {
            return polled.profile().resolve(name).stream().map(ProfileResource::name).toList();
        }
        catch (InvalidDefinitionException ex) {
            throw new InvalidValueException("Profile '" + polled.profile().name() + "' has no resource or command '"
                    + name + "'.");
        }
    }

    @Override
    public Map<String, Object> write(String device, Map<String, Object> values) {
        PolledDevice polled = unlocked(device);
        if (values.isEmpty()) {
            throw new InvalidValueException("Nothing to write.");
        }
        Map<ProfileResource, JsonNode> raw = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            ProfileResource resource = resource(polled, name);
            if (!resource.readWrite().writable()) {
                throw new InvalidValueException("Resource '" + name + "' is read-only.");
            }
            JsonNode rawValue = this.runtime.transforms().toRaw(resource, value);
            this.runtime.reader().check(polled, resource, rawValue);
            raw.put(resource, rawValue);
        });
        if (polled.binding() instanceof MqttBinding) {
            return this.runtime.mqtt().write(polled, raw);
        }
        long deadline = this.runtime.reader().now() + polled.timeout().toNanos();
        return valuesOf(polled, this.runtime.reader().write(polled, raw, deadline)).values();
    }

    /** An MQTT device is never asked: a read answers the values it last published. */
    private Map<String, Object> lastPublished(PolledDevice polled, List<ProfileResource> resources) {
        Map<String, Object> last = this.runtime.reader().lastValues(polled.name());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ProfileResource resource : resources) {
            if (!last.containsKey(resource.name())) {
                throw new DeviceTimeoutException("Device '" + polled.name() + "' has not published '"
                        + resource.name() + "' yet; an MQTT device is read from its telemetry, not asked.");
            }
            values.put(resource.name(), last.get(resource.name()));
        }
        return values;
    }

    private ReadOutcome read(PolledDevice polled, String source, List<ProfileResource> resources) {
        long now = this.runtime.reader().now();
        return this.runtime.reader().read(polled, source, resources, Lane.ON_DEMAND, now,
                now + polled.timeout().toNanos());
    }

    private static ReadOutcome.Read valuesOf(PolledDevice polled, ReadOutcome outcome) {
        return switch (outcome) {
            case ReadOutcome.Read read -> read;
            case ReadOutcome.Failed failed when failed.kind() == FailureKind.TIMEOUT ->
                throw new DeviceTimeoutException("Device '" + polled.name() + "': " + failed.message());
            case ReadOutcome.Failed failed ->
                throw new DeviceFailedException("Device '" + polled.name() + "': " + failed.message());
            case ReadOutcome.Skipped skipped -> throw new DeviceTimeoutException("Device '" + polled.name()
                    + "': its link " + polled.binding().linkId() + " stayed busy past the timeout.");
        };
    }

    private PolledDevice unlocked(String device) {
        PolledDevice polled = this.registry.get(device).polled();
        if (polled.locked()) {
            throw new DeviceLockedException("Device '" + device + "' is LOCKED; unlock it to read or write.");
        }
        return polled;
    }

    private static ProfileResource resource(PolledDevice polled, String name) {
        return polled.profile().resource(name).orElseThrow(() -> new InvalidValueException(
                "Profile '" + polled.profile().name() + "' has no resource '" + name + "'."));
    }
}
