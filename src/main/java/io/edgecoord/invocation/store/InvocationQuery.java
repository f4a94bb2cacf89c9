package io.edgecoord.invocation.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;

import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import io.edgecoord.invocation.InvocationStatus;

/**
 * Which invocation records a list wants: each criterion optional, accepted in {@code [since, until)},
 * and after a cursor when it continues an earlier page. Only the criteria given become SQL, so no
 * database has to type a null parameter.
 */
public record InvocationQuery(String task, InvocationStatus status, Instant since, Instant until, InvocationCursor after) {

    /** The list's one order: newest first, ties by id, which a cursor continues. */
    static final Sort ORDER = Sort.by(Sort.Order.desc("acceptedAt"), Sort.Order.asc("id"));

    public static InvocationQuery of(String task, InvocationStatus status) {
        return new InvocationQuery(task, status, null, null, null);
    }

    Specification<Invocation> specification() {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (task != null) {
                all.add(cb.equal(root.get("taskName"), task));
            }
            if (status != null) {
                all.add(cb.equal(root.get("status"), status));
            }
            if (since != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("acceptedAt"), since));
            }
            if (until != null) {
                all.add(cb.lessThan(root.get("acceptedAt"), until));
            }
            if (after != null) {
                all.add(cb.or(cb.lessThan(root.get("acceptedAt"), after.acceptedAt()),
                        cb.and(cb.equal(root.get("acceptedAt"), after.acceptedAt()),
                                cb.greaterThan(root.get("id"), after.id()))));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }
}
