package io.edgecoord.routing;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * The router's meters, all with bounded tags: {@code subject_class} is the event type,
 * {@code target_type} is {@code task} or {@code shadow}, {@code reason} a fixed word or the slug
 * of the problem type that refused the delivery.
 */
@Component
class RouterMetrics {

    private final MeterRegistry meters;

    RouterMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void routed(String subjectClass, String targetType) {
        Counter.builder("edgecoord.router.messages").description("Events delivered to a target")
                .tag("subject_class", subjectClass).tag("target_type", targetType)
                .register(meters).increment();
    }

    void dropped(String subjectClass, String targetType, String reason) {
        Counter.builder("edgecoord.router.dropped").description("Events matched but not delivered, by reason")
                .tag("subject_class", subjectClass).tag("target_type", targetType).tag("reason", reason)
                .register(meters).increment();
    }

    void unmatched(String subjectClass) {
        Counter.builder("edgecoord.router.unmatched").description("Events no subscription took (deny by default)")
                .tag("subject_class", subjectClass)
                .register(meters).increment();
    }

    void scheduleLag(Duration lag) {
        Timer.builder("edgecoord.router.schedule.lag").description("How late a schedule fired after its due time")
                .register(meters).record(lag);
    }
}
