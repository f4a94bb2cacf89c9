package io.edgecoord.shadow;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A device's classic shadow over HTTP, as AWS's shadow REST API: GET with {@code ETag: "<version>"},
 * PATCH with a request document (and {@code If-Match} or a body {@code version}), DELETE, and the
 * delta alone.
 */
@Tag(name = "shadows", description = "Device shadows: desired, reported, delta")
@RestController
@RequestMapping("/api/v1/devices/{name}/shadow")
class ShadowController {

    private final ShadowService shadows;

    ShadowController(ShadowService shadows) {
        this.shadows = shadows;
    }

    @Operation(operationId = "getShadow", summary = "Read a device's shadow document (`ETag` is its version)")
    @GetMapping
    ResponseEntity<JsonNode> get(@PathVariable String name) {
        JsonNode document = this.shadows.document(name);
        return ResponseEntity.ok().eTag(document.path("version").asString()).body(document);
    }

    @Operation(operationId = "updateShadow", summary = "Change a shadow's desired or reported state",
            description = "A request document `{\"state\":{\"desired\":{...}}}`; `null` removes a key. With `If-Match` "
                    + "or a body `version`, a stale version answers 409.")
    @PatchMapping
    ResponseEntity<JsonNode> update(@PathVariable String name, @RequestBody String body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        JsonNode document = this.shadows.update(name, parse(body), expectedVersion(ifMatch));
        return ResponseEntity.ok().header("ETag", "\"" + document.path("version").asString() + "\"").body(document);
    }

    @Operation(operationId = "deleteShadow", summary = "Delete a device's shadow")
    @DeleteMapping
    JsonNode delete(@PathVariable String name) {
        return this.shadows.delete(name);
    }

    @Operation(operationId = "getShadowDelta", summary = "Read where desired differs from reported")
    @ApiResponse(responseCode = "200", description = "The delta, with the shadow's version")
    @ApiResponse(responseCode = "204", description = "Desired and reported agree")
    @GetMapping("/delta")
    ResponseEntity<JsonNode> delta(@PathVariable String name) {
        return this.shadows.delta(name)
            .<ResponseEntity<JsonNode>>map((delta) -> ResponseEntity.ok().eTag(delta.path("version").asString())
                .body(delta))
            .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** The version an {@code If-Match} header names ({@code "5"}, {@code W/"5"}); null for none or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        tag = tag.startsWith("W/") ? tag.substring(2) : tag;
        tag = (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) ? tag.substring(1, tag.length() - 1)
                : tag;
        try {
            long version = Long.parseLong(tag);
            if (version >= 0) {
                return version;
            }
        }
        catch (NumberFormatException ex) {
            // falls through to the refusal below, which names the problem
        }
        throw new InvalidShadowRequestException("Invalid version");
    }

    private static JsonNode parse(String body) {
        try {
            return JsonMapper.shared().readTree(body);
        }
        catch (JacksonException ex) {
            throw new InvalidShadowRequestException("Invalid JSON");
        }
    }
}
