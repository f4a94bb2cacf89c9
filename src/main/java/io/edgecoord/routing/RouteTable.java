package io.edgecoord.routing;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * The routes in memory, so that matching an event never reads the database on the publisher's
 * thread. Thread-safe: readers see an immutable snapshot; writers replace it under a lock.
 */
@Component
class RouteTable {

    private volatile List<Route> routes = List.of();

    /** The routes, other than schedules, that an event of this source on this topic goes to. */
    List<Route> matching(SourceKind source, String topic) {
        List<Route> matched = new ArrayList<>(2);
        for (Route route : routes) {
            if (route.matches(source, topic)) {
                matched.add(route);
            }
        }
        return matched;
    }


    synchronized void replaceAll(List<Route> all) {
        routes = List.copyOf(all);
    }

    synchronized void add(Route route) {
        List<Route> next = new ArrayList<>(routes);
        next.add(route);
        routes = List.copyOf(next);
    }

    synchronized void remove(String id) {
        routes = routes.stream().filter(route -> !route.id().equals(id)).toList();
    }
}
