package io.edgecoord.routing;

import java.net.URI;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.edgecoord.security.Callers;
import io.edgecoord.web.PageResponse;

/** Subscriptions: which events go to which tasks and shadows. Without one, nothing is delivered. */
@Tag(name = "subscriptions", description = "Routes from events to tasks and shadows")
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final TaskSubscribeRights taskRights;

    SubscriptionController(SubscriptionService subscriptions, TaskSubscribeRights taskRights) {
        this.subscriptions = subscriptions;
        this.taskRights = taskRights;
    }

    @Operation(operationId = "createSubscription", summary = "Create a subscription",
            description = "Checked at once (400 invalid-subscription names the field); a task target that is not "
                    + "deployed is accepted, and its events are dropped and counted until it is.")
    @ApiResponse(responseCode = "201", description = "Created; it is at `Location`")
    @PostMapping
    ResponseEntity<SubscriptionResponse> create(@Valid @RequestBody CreateSubscriptionRequest request) {
        Definition definition = Definition.parse(request.source(), request.subject(), request.target(),
                request.schedule());
        Callers.current().ifPresent(key -> CreatorTopics.check(key, definition));
        taskRights.checkCreate(definition);
        Subscription created = subscriptions.create(definition);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + created.id()))
                .body(SubscriptionResponse.from(created));
    }

    @Operation(operationId = "getSubscription", summary = "Read a subscription")
    @GetMapping("/{id}")
    SubscriptionResponse get(@PathVariable String id) {
        return SubscriptionResponse.from(subscriptions.find(id));
    }

    @Operation(operationId = "listSubscriptions", summary = "List subscriptions, oldest first")
    @GetMapping
    PageResponse<SubscriptionResponse> list(@RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        PageRequest request = PageRequest.of(page, size); // over the maximum: 400, never a silent cut
        return PageResponse.of(subscriptions.list(request), SubscriptionResponse::from);
    }

    @Operation(operationId = "deleteSubscription", summary = "Delete a subscription", description = "Events already queued for its target are still delivered.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id) {
        subscriptions.delete(id);
        return ResponseEntity.noContent().build();
    }
}
