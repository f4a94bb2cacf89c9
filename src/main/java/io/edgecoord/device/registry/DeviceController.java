package io.edgecoord.device.registry;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.polling.Connectivity;
import io.edgecoord.web.PageResponse;
import tools.jackson.databind.JsonNode;

/** The device registry API: register, read (with ETag), patch (with If-Match), lock, list, delete. */
@Tag(name = "devices", description = "The device registry and connectivity")
@RestController
@RequestMapping("/api/v1/devices")
class DeviceController {

    private final RegisteredDevices registry;

    DeviceController(RegisteredDevices registry) {
        this.registry = registry;
    }

    @Operation(operationId = "registerDevice", summary = "Register a device")
    @ApiResponse(responseCode = "201", description = "Registered; it is at `Location`")
    @PostMapping
    ResponseEntity<DeviceResponse> register(@Valid @RequestBody RegisterDeviceRequest request) {
        StoredDevice device = this.registry.register(request);
        return ResponseEntity.created(URI.create("/api/v1/devices/" + device.name()))
            .eTag(etag(device))
            .body(respond(device));
    }

    @Operation(operationId = "listDevices", summary = "List devices by label, profile, connectivity and admin state")
    @GetMapping
    PageResponse<DeviceResponse> list(@RequestParam(required = false) String label,
            @RequestParam(required = false) String profile, @RequestParam(required = false) ConnectivityStatus status,
            @RequestParam(required = false) AdminState adminState, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(500) int size) {
        List<StoredDevice> all = this.registry.list(label, profile, status, adminState);
        int from = (int) Math.min((long) page * size, all.size());
        List<DeviceResponse> items = all.subList(from, Math.min(from + size, all.size()))
            .stream()
            .map(this::respond)
            .toList();
        return new PageResponse<>(items, page, size, all.size(), (all.size() + size - 1) / size);
    }

    @Operation(operationId = "getDevice", summary = "Read a device (`ETag` is its revision)")
    @GetMapping("/{name}")
    ResponseEntity<DeviceResponse> get(@PathVariable String name) {
        StoredDevice device = this.registry.get(name);
        return ResponseEntity.ok().eTag(etag(device)).body(respond(device));
    }

    @Operation(operationId = "patchDevice", summary = "Change a device by a JSON merge patch (`If-Match` a revision)")
    @PatchMapping(path = "/{name}", consumes = { "application/merge-patch+json", "application/json" })
    ResponseEntity<DeviceResponse> patch(@PathVariable String name, @RequestBody JsonNode patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        StoredDevice device = this.registry.patch(name, patch, revision(ifMatch));
        return ResponseEntity.ok().eTag(etag(device)).body(respond(device));
    }

    @Operation(operationId = "changeDeviceAdminState", summary = "Lock or unlock a device")
    @PutMapping("/{name}/admin-state")
    ResponseEntity<DeviceResponse> changeAdminState(@PathVariable String name,
            @Valid @RequestBody AdminStateRequest request) {
        StoredDevice device = this.registry.changeAdminState(name, request.adminState());
        return ResponseEntity.ok().eTag(etag(device)).body(respond(device));
    }

    @Operation(operationId = "getDeviceConnectivity", summary = "Read whether a device answers")
    @GetMapping("/{name}/connectivity")
    Connectivity connectivity(@PathVariable String name) {
        return this.registry.connectivity(name);
    }

    @Operation(operationId = "deleteDevice", summary = "Delete a device")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        this.registry.delete(name);
    }

    private DeviceResponse respond(StoredDevice device) {
        return DeviceResponse.of(device, this.registry.connectivity(device.name()));
    }

    private static String etag(StoredDevice device) {
        return "\"" + device.revision() + "\"";
    }

    /** The revision an If-Match names; {@code *} or no header means any. */
    private static Long revision(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String value = ifMatch.trim().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException ex) {
            throw new RevisionMismatchException("If-Match " + ifMatch + " names no revision of this device.");
        }
    }

    /**
     * The body of {@code PUT /api/v1/devices/{name}/admin-state}.
     *
     * @param adminState UNLOCKED or LOCKED
     */
    record AdminStateRequest(@NotNull AdminState adminState) {
    }
}
