package io.edgecoord.routing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Matches events against the routes and queues them, one bounded queue per target, each drained
 * in order by a virtual thread that runs only while its queue holds something.
 * <p>
 * Runs on the publisher's thread (a device poller, the end of an invocation), so it never blocks
 * and never throws: a full queue drops its oldest event, and any failure is logged and counted.
 * Delivery is at most once.
 */
@Component
class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final RouteTable routes;
    private final TargetDelivery delivery;
    private final RouterMetrics metrics;
    private final int capacity;
    private final Map<String, TargetQueue<Message>> queues = new ConcurrentHashMap<>();

    Router(RouteTable routes, TargetDelivery delivery, RouterMetrics metrics, RoutingProperties properties) {
        this.routes = routes;
        this.delivery = delivery;
        this.metrics = metrics;
        this.capacity = properties.queueCapacityPerTarget();
    }

    /**
     * Routes an event to every route that matches it; builds the event only when one does.
     *
     * @param type the event's type, for metrics before the event is built
     */
    void publish(SourceKind source, String topic, String type, boolean priority, int hops, Supplier<Envelope> event) {
        try {
            List<Route> matched = routes.matching(source, topic);
            if (matched.isEmpty()) {
                metrics.unmatched(type);
                return;
            }
            Envelope envelope = event.get();
            for (Route route : matched) {
                enqueue(new Message(route, envelope, priority, hops));
            }
        }
        catch (RuntimeException ex) {
            log.error("Could not route an event of type {} on {}", type, topic, ex);
            metrics.dropped(type, "none", "error");
        }
    }

    /** Queues an event for one route's target. */
    void enqueue(Message message) {
        Target target = message.route().target();
        TargetQueue<Message> queue = queues.computeIfAbsent(target.text(), key -> new TargetQueue<>(capacity));
        TargetQueue.Offered<Message> offered = queue.offer(message, message.priority());
        if (offered.dropped() != null) {
            metrics.dropped(offered.dropped().event().type(), target.type(), "queue-overflow");
        }
        if (offered.startDrainer()) {
            Thread.ofVirtual().name("router-" + target.text()).start(() -> drain(queue));
        }
    }

    private void drain(TargetQueue<Message> queue) {
        for (Message message = queue.next(); message != null; message = queue.next()) {
            delivery.deliver(message);
        }
    }
}
