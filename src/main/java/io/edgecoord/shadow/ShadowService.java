package io.edgecoord.shadow;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.device.DeviceRegistry;

/**
 * The shadows of registered devices: reads, client updates, deletes and the reported values that
 * polls and actuation bring in. Client calls check the device against the {@link DeviceRegistry}
 * (looked up per call, so the module starts even where no registry is deployed; then every device
 * is unknown). Every update, accepted or refused, is counted.
 */
@Service
class ShadowService implements Shadows {

    private final ShadowStore store;

    private final ObjectProvider<DeviceRegistry> registry;

    private final ShadowMetrics metrics;

    private final ShadowProperties properties;

    ShadowService(ShadowStore store, ObjectProvider<DeviceRegistry> registry, ShadowMetrics metrics,
            ShadowProperties properties) {
        this.store = store;
        this.registry = registry;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public JsonNode document(String device) {
        known(device);
        return this.store.view(device).orElseThrow(() -> new ShadowNotFoundException(device));
    }

    @Override
    public JsonNode update(String device, JsonNode request, Long expectedVersion) {
        known(device);
        return counted(() -> {
            UpdateRequest update = UpdateRequest.parse(request, this.properties.maxDepth());
            return this.store.update(device, (current) -> Optional.of(update), expectedVersion);
        }).orElseThrow().response();
    }

    /** The device's delta with the shadow's version and timestamp, as AWS's {@code /update/delta}; empty when none. */
    Optional<ObjectNode> delta(String device) {
        known(device);
        ShadowDocument document = this.store.find(device).orElseThrow(() -> new ShadowNotFoundException(device));
        ObjectNode delta = document.delta();
        if (delta.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode json = StateTrees.NODES.objectNode();
        json.set("state", delta);
        json.put("version", document.version());
        json.put("timestamp", document.timestamp().getEpochSecond());
        return Optional.of(json);
    }

    /** Deletes the device's shadow, keeping its version; returns AWS's {@code {version, timestamp}}. */
    ObjectNode delete(String device) {
        known(device);
        ShadowDocument deleted = this.store.delete(device).orElseThrow(() -> new ShadowNotFoundException(device));
        ObjectNode json = StateTrees.NODES.objectNode();
        json.put("version", deleted.version());
        json.put("timestamp", deleted.timestamp().getEpochSecond());
        return json;
    }

    /**
     * Writes into reported only those values that differ from what it holds (numbers by value,
     * objects key by key), so the version moves only on a real change; empty when nothing changed.
     */
    Optional<ShadowChange> report(String device, ObjectNode values) {
        return counted(() -> this.store.update(device, (current) -> {
            ObjectNode changed = StateTrees.delta(values, current.reported());
            return changed.isEmpty() ? Optional.empty()
                    : Optional.of(UpdateRequest.reporting(changed, this.properties.maxDepth()));
        }, null));
    }

    private Optional<ShadowChange> counted(Supplier<Optional<ShadowChange>> update) {
        try {
            Optional<ShadowChange> change = update.get();
            change.ifPresent(this.metrics::accepted);
            return change;
        }
        catch (ShadowException ex) {
            this.metrics.rejected(ex);
            throw ex;
        }
    }

    private void known(String device) {
        DeviceRegistry devices = this.registry.getIfAvailable();
        if (devices == null || devices.find(device).isEmpty()) {
            throw new UnknownDeviceException(device);
        }
    }
}
