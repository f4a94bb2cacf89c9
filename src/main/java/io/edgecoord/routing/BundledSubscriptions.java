package io.edgecoord.routing;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import io.edgecoord.persistence.AfterCommit;

/** {@link SubscriptionBundles} over the repository, the route table and the schedules. */
@Service
class BundledSubscriptions implements SubscriptionBundles {

    private final SubscriptionRepository repository;
    private final RouteTable routes;
    private final ScheduledRoutes schedules;
    private final Clock clock;
    private final TaskSubscribeRights taskRights;

    BundledSubscriptions(SubscriptionRepository repository, RouteTable routes, ScheduledRoutes schedules,
            Clock clock, TaskSubscribeRights taskRights) {
        this.taskRights = taskRights;
        this.repository = repository;
        this.routes = routes;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public List<Stored> list() {
        return repository.findAll().stream().map(BundledSubscriptions::stored).toList();
    }

    @Override
    public String create(Spec spec) {
        Definition definition = Definition.parse(spec.source(), spec.subject(), spec.target(), spec.schedule());
        // The bundle's tasks are already written in this transaction, so their new permissions count.
        taskRights.checkCreate(definition);
        Subscription saved = repository.save(Subscription.create(UUID.randomUUID().toString(), definition,
                spec.schedule(), clock.instant()));
        Route route = new Route(saved.id(), definition);
        AfterCommit.run(() -> {
            routes.add(route);
            if (definition.schedule() != null) {
                schedules.arm(route);
            }
        });
        return saved.id();
    }

    @Override
    public void delete(String id) {
        repository.delete(repository.findById(id).orElseThrow(() -> new SubscriptionNotFoundException(id)));
        AfterCommit.run(() -> {
            routes.remove(id);
            schedules.disarm(id);
        });
    }

    private static Stored stored(Subscription s) {
        boolean scheduled = SourceKind.parse(s.source()) == SourceKind.SCHEDULE;
        return new Stored(s.id(), new Spec(s.source(), scheduled ? null : s.subject(), s.target(), s.schedule()));
    }
}
