package io.edgecoord.shadow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Meters of the shadow module, all with bounded tags: updates by result and status code, version
 * conflicts, delta changes, document sizes and actuation outcomes.
 */
@Component
class ShadowMetrics {

    private final MeterRegistry meters;

    ShadowMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void accepted(ShadowChange change) {
        updates("accepted", 200);
        DistributionSummary.builder("edgecoord.shadow.document.bytes")
            .description("Size of desired + reported state after an accepted update, against the limit")
            .baseUnit("bytes")
            .register(this.meters)
            .record(change.current().stateBytes());
        if (change.deltaChanged()) {
            Counter.builder("edgecoord.shadow.deltas")
                .description("Accepted updates that left a new, non-empty delta")
                .register(this.meters)
                .increment();
        }
    }

    void rejected(ShadowException refusal) {
        int code = refusal.getStatusCode().value();
        updates("rejected", code);
        if (refusal instanceof ShadowVersionConflictException) {
            Counter.builder("edgecoord.shadow.version.conflicts")
                .description("Updates refused because they expected another version")
                .register(this.meters)
                .increment();
        }
    }

    void actuated(String result) {
        Counter.builder("edgecoord.shadow.actuations")
            .description("Attempts to write desired values to devices, by outcome")
            .tag("result", result)
            .register(this.meters)
            .increment();
    }

    private void updates(String result, int code) {
        Counter.builder("edgecoord.shadow.updates")
            .description("Shadow update requests, by result and status code")
            .tag("result", result)
            .tag("code", Integer.toString(code))
            .register(this.meters)
            .increment();
    }
}
