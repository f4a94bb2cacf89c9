package io.edgecoord.device;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
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
@RestController
@RequestMapping("/api/v1/device-profiles")
class ProfileController {

    private final DeviceProfiles profiles;

    ProfileController(DeviceProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping
    List<DeviceProfile> list() {
        return this.profiles.list();
    }

    @PostMapping
    ResponseEntity<DeviceProfile> create(@Valid @RequestBody DeviceProfile profile) {
        DeviceProfile created = this.profiles.create(profile);
        return ResponseEntity.created(URI.create("/api/v1/device-profiles/" + created.name())).body(created);
    }

    @GetMapping("/{name}")
    DeviceProfile get(@PathVariable String name) {
        return this.profiles.get(name);
    }

    @PutMapping("/{name}")
    DeviceProfile replace(@PathVariable String name, @Valid @RequestBody DeviceProfile profile) {
        return this.profiles.replace(name, profile);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String name) {
        this.profiles.delete(name);
    }
}
