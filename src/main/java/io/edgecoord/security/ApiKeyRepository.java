package io.edgecoord.security;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

/** API keys in the database. */
interface ApiKeyRepository extends JpaRepository<ApiKey, String> {

    List<ApiKey> findAllByOrderByCreatedAtAsc();

    @Transactional
    @Modifying
    @Query("update ApiKey k set k.lastUsedAt = :when where k.id = :id and (k.lastUsedAt is null or k.lastUsedAt < :when)")
    int markUsed(String id, Instant when);
}
