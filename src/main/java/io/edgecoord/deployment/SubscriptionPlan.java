package io.edgecoord.deployment;

import java.util.List;
import java.util.Set;

import io.edgecoord.routing.SubscriptionBundles.Spec;
import io.edgecoord.routing.SubscriptionBundles.Stored;

/**
 * Which subscriptions to create and delete so that the stored ones become a bundle's: a pure function.
 *
 * @param create what the bundle says and no stored subscription does
 * @param delete stored subscriptions the bundle does not say, when it prunes
 */
record SubscriptionPlan(List<Spec> create, List<Stored> delete) {

    static SubscriptionPlan of(List<Stored> stored, List<Spec> wanted, boolean prune) {
        return of(stored, wanted, new Pruning(prune, Set.of()));
    }

    /** As {@link #of(List, List, boolean)}, deleting the stored subscriptions that {@code pruning} removes. */
    static SubscriptionPlan of(List<Stored> stored, List<Spec> wanted, Pruning pruning) {
        Set<Spec> have = Set.copyOf(stored.stream().map(Stored::spec).toList());
        Set<Spec> want = Set.copyOf(wanted);
        return new SubscriptionPlan(wanted.stream().filter((spec) -> !have.contains(spec)).toList(),
                stored.stream().filter((s) -> !want.contains(s.spec()))
                    .filter((s) -> pruning.removes("subscription:" + describe(s.spec()))).toList());
    }

    /** How a diff names a subscription. */
    static String describe(Spec spec) {
        String from = spec.source() + " " + ((spec.schedule() != null) ? spec.schedule() : spec.subject());
        return from + " -> " + spec.target();
    }
}
