package io.edgecoord.invocation;

import org.springframework.data.jpa.repository.JpaRepository;

interface InvocationLogRepository extends JpaRepository<InvocationLog, String> {
}
