package io.edgecoord.device;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Device profiles: list, create, read, replace, delete. */
@Tag(name = "device-profiles", description = "Device profiles: resources and commands a kind of device has")
@RestController
@RequestMapping("/api/v1/device-profiles")
class ProfileController {

    private final DeviceProfiles profiles;

    ProfileController(DeviceProfiles profiles) {
        this.profiles = profiles;
    }

    @Operation(operationId = "listDeviceProfiles", summary = "List device profiles")
    @GetMapping
    List<DeviceProfile> list() {
        return this.profiles.list();
    }

    @Operation(operationId = "createDeviceProfile", summary = "Create a device profile")
    @ApiResponse(responseCode = "201", description = "Created; it is at `Location`")
    @PostMapping
    ResponseEntity<DeviceProfile> create(@Valid @RequestBody DeviceProfile profile) {
        DeviceProfile created = this.profiles.create(profile);
        return ResponseEntity.created(URI.create("/api/v1/device-profiles/" + created.name())).body(created);
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
