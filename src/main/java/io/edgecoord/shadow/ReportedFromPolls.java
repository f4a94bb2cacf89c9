package io.edgecoord.shadow;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.edgecoord.device.DeviceReadingsPolled;

/**
 * Keeps {@code reported} in step with polls: only values that differ from the stored ones are
 * written, so a poll that changes nothing leaves the shadow and its version alone. Runs on the
 * poller's thread, so one device's polls land in order.
 */
@Component
class ReportedFromPolls {

    private static final Logger log = LoggerFactory.getLogger(ReportedFromPolls.class);

    private final ShadowService shadows;

    ReportedFromPolls(ShadowService shadows) {
        this.shadows = shadows;
    }

    @EventListener
    void on(DeviceReadingsPolled polled) {
        ObjectNode values = StateTrees.NODES.objectNode();
        for (Map.Entry<String, Object> reading : polled.values().entrySet()) {
            // A null reading is "no value", not "delete this key" as null means in an update.
            if (reading.getValue() != null) {
                values.set(reading.getKey(), JsonMapper.shared().valueToTree(reading.getValue()));
            }
        }
        try {
            this.shadows.report(polled.device(), values);
        }
        catch (ShadowException ex) {
            // Counted as a rejected update by the service; the poll itself stays a success.
            log.warn("Readings of {} from {} were not written to its shadow: {}", polled.device(), polled.source(),
                    ex.getBody().getDetail());
        }
    }
}
