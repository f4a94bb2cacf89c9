package io.edgecoord.security;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import io.edgecoord.web.PageResponse;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;

/** API keys: create (the secret is shown once), list, read and revoke. Needs the admin scope. */
@Tag(name = "keys", description = "API keys (admin)")
@RestController
@RequestMapping("/api/v1/keys")
class KeyController {

    private final ApiKeys keys;
    private final KeyRing ring;

    KeyController(ApiKeys keys, KeyRing ring) {
        this.keys = keys;
        this.ring = ring;
    }

    @Operation(operationId = "createKey", summary = "Create an API key",
            description = "The answer carries the secret and the bearer token; they are shown this once.")
    @ApiResponse(responseCode = "201", description = "Created; it is at `Location`, with the secret shown this once")
    @PostMapping
    ResponseEntity<KeyResponse> create(@Valid @RequestBody CreateKeyRequest request) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        request.scopes().forEach(s -> scopes.add(Scope.of(s)));
        List<String> tasks = (request.tasks() != null) ? List.copyOf(request.tasks()) : List.of();
        KeyTopics topics = (request.topics() != null)
                ? new KeyTopics(request.topics().publish(), request.topics().subscribe()) : KeyTopics.NONE;
        ApiKeys.CreatedKey created = keys.create(request.name(), scopes, tasks, topics, request.requestsPerSecond());
        return ResponseEntity.created(URI.create("/api/v1/keys/" + created.key().getId()))
                .body(KeyResponse.created(created));
    }

    @Operation(operationId = "listKeys", summary = "List API keys, oldest first, revoked ones included (no secrets)")
    @GetMapping
    PageResponse<KeyResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "500") @Min(1) @Max(500) int size) {
        return PageResponse.slice(keys.list().stream().map(this::shown).toList(), page, size);
    }

    @Operation(operationId = "getKey", summary = "Read an API key (no secret)")
    @GetMapping("/{id}")
    KeyResponse get(@PathVariable String id) {
        return shown(keys.find(id).orElseThrow(() -> new KeyNotFoundException(id)));
    }

    @Operation(operationId = "revokeKey", summary = "Revoke an API key",
            description = "Refused from the next request on, also on connections already open. The last admin "
                    + "key cannot be revoked (409).")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(id);
        return ResponseEntity.noContent().build();
    }

    private KeyResponse shown(ApiKey key) {
        return KeyResponse.of(key, ring.lastUse(key.getId()).orElse(null));
    }
}
