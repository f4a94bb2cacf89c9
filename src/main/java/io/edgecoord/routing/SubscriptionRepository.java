package io.edgecoord.routing;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

/** Subscriptions as stored. */
interface SubscriptionRepository extends JpaRepository<Subscription, String> {

    Page<Subscription> findAllByOrderByCreatedAtAscIdAsc(Pageable page);
}
