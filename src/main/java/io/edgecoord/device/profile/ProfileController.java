package io.edgecoord.device.profile;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import io.edgecoord.web.DeprecatedShapes;
import io.edgecoord.web.PageResponse;
import io.edgecoord.web.Problems;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Device profiles: list, create, read, replace, delete; and import of EdgeX v3 profiles, as YAML
 * ({@code application/yaml}) or as EdgeX JSON ({@code ?format=edgex}).
 */
@Tag(name = "device-profiles", description = "Device profiles: resources and commands a kind of device has")
@RestController
@RequestMapping("/api/v1/device-profiles")
class ProfileController {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /**
     * An EdgeX profile is a few KB, and the YAML parser spends about a second per MB: a 7 MB body
     * held a request thread past 30 s, so a larger one is refused unparsed.
     */
    private static final int MAX_YAML_BYTES = 1024 * 1024;

    private final DeviceProfiles profiles;

    private final JsonMapper json;

    private final Validator validator;

    ProfileController(DeviceProfiles profiles, JsonMapper json, Validator validator) {
        this.profiles = profiles;
        this.json = json;
        this.validator = validator;
    }

    @Operation(operationId = "listDeviceProfiles", summary = "List device profiles, by name")
    @GetMapping
    PageResponse<DeviceProfile> list(@Parameter(required = true, description = "From 0. Asked without page "
            + "and size, the list answers its old shape, a bare array, with a `Deprecation` header")
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageResponse.slice(this.profiles.list(), page, size);
    }

    /** The 0.x shape, a bare array, for clients that ask as they did: one minor version more. */
    @Hidden
    @GetMapping(params = { "!page", "!size" })
    ResponseEntity<List<DeviceProfile>> listAsArray() {
        return DeprecatedShapes.answer(this.profiles.list());
    }

    @Operation(operationId = "createDeviceProfile", summary = "Create a device profile")
    @ApiResponse(responseCode = "201", description = "Created; it is at `Location`")
    @PostMapping
    ResponseEntity<DeviceProfile> create(@Valid @RequestBody DeviceProfile profile) {
        DeviceProfile created = this.profiles.create(profile);
        return ResponseEntity.created(URI.create("/api/v1/device-profiles/" + created.name())).body(created);
    }

    @Operation(operationId = "importDeviceProfileYaml", summary = "Import an EdgeX v3 device profile given as YAML")
    @PostMapping(consumes = { "application/yaml", "application/x-yaml", "text/yaml" })
    ResponseEntity<DeviceProfile> importYaml(@RequestBody byte[] body) {
        if (body.length > MAX_YAML_BYTES) {
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    Problems.type("payload-too-large"), "Payload too large",
                    "An EdgeX profile given as YAML may be at most " + MAX_YAML_BYTES + " bytes."), null);
        }
        JsonNode document;
        try {
            document = YAML.readTree(body);
        }
        catch (JacksonException ex) {
            throw new InvalidDefinitionException("EdgeX profile: the body is not YAML: "
                    + ex.getOriginalMessage() + ".");
        }
        return imported(document);
    }

    @Operation(operationId = "importDeviceProfileEdgexJson", summary = "Import an EdgeX v3 device profile given as EdgeX JSON")
    @PostMapping(consumes = "application/json", params = "format=edgex")
    ResponseEntity<DeviceProfile> importJson(@RequestBody byte[] body) {
        JsonNode document;
        try {
            document = this.json.readTree(body);
        }
        catch (JacksonException ex) {
            throw new InvalidDefinitionException("EdgeX profile: the body is not JSON: "
                    + ex.getOriginalMessage() + ".");
        }
        return imported(document);
    }

    private ResponseEntity<DeviceProfile> imported(JsonNode document) {
        if (document == null || !EdgeXProfiles.isEdgeX(document)) {
            throw new InvalidDefinitionException("EdgeX profile: the body has no deviceResources.");
        }
        DeviceProfile profile = EdgeXProfiles.map(document);
        Set<ConstraintViolation<DeviceProfile>> violations = this.validator.validate(profile);
        if (!violations.isEmpty()) {
            throw new InvalidDefinitionException("EdgeX profile: " + violations.stream()
                .map((v) -> v.getPropertyPath() + " " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")) + ".");
        }
        return create(profile);
    }

    @Operation(operationId = "getDeviceProfile", summary = "Read a device profile")
    @GetMapping("/{name}")
    DeviceProfile get(@PathVariable String name) {
        return this.profiles.get(name);
    }

    @Operation(operationId = "replaceDeviceProfile", summary = "Replace a device profile")
    @PutMapping("/{name}")
    DeviceProfile replace(@PathVariable String name, @Valid @RequestBody DeviceProfile profile) {
        return this.profiles.replace(name, profile);
    }

    @Operation(operationId = "deleteDeviceProfile", summary = "Delete a device profile")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        this.profiles.delete(name);
    }
}
