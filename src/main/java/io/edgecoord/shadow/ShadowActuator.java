package io.edgecoord.shadow;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.ErrorResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.device.DeviceCommands;
import io.edgecoord.device.DeviceInfo;
import io.edgecoord.device.DeviceRegistry;

/**
 * Writes desired values to devices, as a device's agent answering {@code /update/delta}: after an
 * update that changed desired commits, a virtual thread writes the delta's writable resources with
 * {@link DeviceCommands#write} and reports what the device reads back, which clears the delta when
 * the device took the values. One device's actuations run one at a time, each on the document as
 * it is then, so a late one never writes stale values. The outcome, failures included, is counted
 * and recorded under the document's {@code metadata.actuation}.
 */
@Component
class ShadowActuator {

    private static final Logger log = LoggerFactory.getLogger(ShadowActuator.class);

    private final ShadowService shadows;

    private final ShadowStore store;

    private final ObjectProvider<DeviceRegistry> registry;

    private final ObjectProvider<DeviceCommands> commands;

    private final ShadowMetrics metrics;

    private final Clock clock;

    private final Map<String, ReentrantLock> devices = new ConcurrentHashMap<>();

    ShadowActuator(ShadowService shadows, ShadowStore store, ObjectProvider<DeviceRegistry> registry,
            ObjectProvider<DeviceCommands> commands, ShadowMetrics metrics, Clock clock) {
        this.shadows = shadows;
        this.store = store;
        this.registry = registry;
        this.commands = commands;
        this.metrics = metrics;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ActuationDue due) {
        Thread.ofVirtual().name("shadow-actuation-" + due.device()).start(() -> actuate(due.device()));
    }

    /** Writes the device's current delta where it can; returns once the outcome is recorded. */
    void actuate(String device) {
        ReentrantLock lock = this.devices.computeIfAbsent(device, (name) -> new ReentrantLock());
        lock.lock();
        try {
            DeviceRegistry devices = this.registry.getIfAvailable();
            DeviceInfo info = (devices != null) ? devices.find(device).orElse(null) : null;
            ShadowDocument document = this.store.find(device).orElse(null);
            if (info == null || document == null) {
                return;
            }
            switch (ActuationPlan.of(document, info)) {
                case ActuationPlan.Nothing nothing -> {
                }
                case ActuationPlan.Locked locked -> record(device, document, "SKIPPED", locked.resources(),
                        423, "Device is locked");
                case ActuationPlan.Write write -> write(device, document, write);
            }
        }
        finally {
            lock.unlock();
        }
    }

    private void write(String device, ShadowDocument document, ActuationPlan.Write write) {
        Map<String, Object> values = new LinkedHashMap<>();
        write.values().forEach((key, value) -> values.put(key, JsonMapper.shared().treeToValue(value, Object.class)));
        try {
            DeviceCommands writer = this.commands.getIfAvailable();
            if (writer == null) {
                throw new IllegalStateException("No device commands are available to write with");
            }
            Map<String, Object> readBack = writer.write(device, values);
            ObjectNode reported = JsonMapper.shared().valueToTree(readBack);
            this.shadows.report(device, reported);
            boolean confirmed = write.values()
                .entrySet()
                .stream()
                .allMatch((entry) -> reported.has(entry.getKey())
                        && StateTrees.same(entry.getValue(), reported.get(entry.getKey())));
            record(device, document, confirmed ? "CONFIRMED" : "UNCONFIRMED", values.keySet(), 0, null);
        }
        catch (RuntimeException ex) {
            int code = (ex instanceof ErrorResponse response) ? response.getStatusCode().value() : 500;
            String message = (ex instanceof ErrorResponse response && response.getBody().getDetail() != null)
                    ? response.getBody().getDetail() : String.valueOf(ex.getMessage());
            log.warn("Writing desired {} to device {} failed ({}): {}", values.keySet(), device, code, message, ex);
            record(device, document, "FAILED", values.keySet(), code, message);
        }
    }

    private void record(String device, ShadowDocument document, String status, Collection<String> resources,
            int code, String message) {
        this.metrics.actuated(status.toLowerCase(Locale.ROOT));
        ObjectNode outcome = StateTrees.NODES.objectNode();
        outcome.put("status", status);
        outcome.put("version", document.version());
        resources.forEach(outcome.putArray("resources")::add);
        outcome.put("timestamp", this.clock.instant().getEpochSecond());
        if (message != null) {
            outcome.putObject("error").put("code", code).put("message", message);
        }
        this.store.recordActuation(device, outcome);
    }
}
