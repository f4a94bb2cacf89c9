package io.edgecoord.security;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is calling: the calling key's scopes and task patterns, so a client offers only what the key may do. */
@Tag(name = "keys", description = "API keys (admin)")
@RestController
class CallerController {

    @Operation(operationId = "getCaller", summary = "Read the calling key: its id, name, scopes and task patterns",
            description = "Any key may read itself; the dashboard hides what the key may not do.")
    @GetMapping("/api/v1/me")
    CallerResponse me() {
        CallerKey key = Callers.current().orElseThrow();
        return new CallerResponse(key.id(), key.name(), key.scopes().stream().map(Scope::id).sorted().toList(),
                key.taskPatterns());
    }

    /**
     * The calling key, without its secret.
     *
     * @param id the key id
     * @param name what the key is for
     * @param scopes {@code admin}, {@code deploy}, {@code invoke}, {@code read}: what it may do
     * @param tasks the task name patterns it may touch; empty means every task
     */
    record CallerResponse(String id, String name, List<String> scopes, List<String> tasks) {
    }
}
