package io.edgecoord.routing;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fires schedule subscriptions: each armed route has one pending timer on a scheduler of its own
 * (virtual threads, this module's clock), which, when due, queues {@code {"time": due}} for the
 * route's target and arms the next fire. Cron fields are read in the clock's zone (UTC).
 * <p>
 * The scheduler is not a bean, so that it does not stand in for Spring Boot's
 * {@code TaskScheduler} in other modules; it is closed with this bean.
 */
@Component
class ScheduledRoutes implements DisposableBean {

    private final Router router;
    private final RouterMetrics metrics;
    private final JsonMapper json;
    private final Clock clock;
    private final SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
    private final Map<String, ScheduledFuture<?>> armed = new ConcurrentHashMap<>();

    ScheduledRoutes(Router router, RouterMetrics metrics, JsonMapper json, Clock clock) {
        this.router = router;
        this.metrics = metrics;
        this.json = json;
        this.clock = clock;
        scheduler.setVirtualThreads(true);
        scheduler.setThreadNamePrefix("router-schedule-");
        scheduler.setClock(clock);
    }

    void arm(Route route) {
        armed.compute(route.id(), (id, previous) -> {
            if (previous != null) {
                previous.cancel(false);
            }
            return timer(route, null);
        });
    }

    void disarm(String id) {
        ScheduledFuture<?> timer = armed.remove(id);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private ScheduledFuture<?> timer(Route route, Instant lastDue) {
        Instant due = ScheduleDecisions.next(route.definition().schedule(), lastDue, clock.instant(), clock.getZone());
        return due == null ? null : scheduler.schedule(() -> fire(route, due), due);
    }

    private void fire(Route route, Instant due) {
        Instant now = clock.instant();
        metrics.scheduleLag(ScheduleDecisions.lag(due, now));
        String topic = Topics.schedule(route.id());
        Envelope event = new Envelope(UUID.randomUUID().toString(), "schedule.fired", "schedule:" + route.id(), topic,
                due, json.valueToTree(Map.of("time", due.toString())));
        router.enqueue(new Message(route, event, false, 0));
        armed.computeIfPresent(route.id(), (id, current) -> timer(route, due));
    }

    @Override
    public void destroy() {
        armed.values().forEach(timer -> timer.cancel(false));
        armed.clear();
        scheduler.close();
    }
}
