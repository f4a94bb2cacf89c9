package io.edgecoord.routing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/**
 * Keeps subscriptions: stored first, then put in the route table and, for schedules, armed.
 * Loads every stored subscription when the application is ready; until then nothing routes.
 */
@Service
class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriptionRepository repository;
    private final RouteTable routes;
    private final ScheduledRoutes schedules;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository repository, RouteTable routes, ScheduledRoutes schedules,
            Clock clock) {
        this.repository = repository;
        this.routes = routes;
        this.schedules = schedules;
        this.clock = clock;
    }

    Subscription create(Definition definition) {
        String schedule = definition.schedule() == null ? null : definition.schedule().toString();
        Subscription subscription = repository.save(
                Subscription.create(UUID.randomUUID().toString(), definition, schedule, clock.instant()));
        activate(new Route(subscription.id(), definition));
        return subscription;
    }

    Subscription find(String id) {
        return repository.findById(id).orElseThrow(() -> new SubscriptionNotFoundException(id));
    }

    Page<Subscription> list(Pageable page) {
        return repository.findAllByOrderByCreatedAtAscIdAsc(page);
    }

    void delete(String id) {
        Subscription subscription = find(id);
        repository.delete(subscription);
        routes.remove(id);
        schedules.disarm(id);
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        List<Route> all = repository.findAll().stream().map(Subscription::route).toList();
        routes.replaceAll(all);
        all.stream().filter(route -> route.definition().schedule() != null).forEach(schedules::arm);
        log.info("Routing with {} subscriptions", all.size());
    }

    private void activate(Route route) {
        routes.add(route);
        if (route.definition().schedule() != null) {
            schedules.arm(route);
        }
    }
}
