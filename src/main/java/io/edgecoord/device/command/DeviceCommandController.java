package io.edgecoord.device.command;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.edgecoord.device.DeviceReadingsPolled;
import io.edgecoord.device.polling.InvalidValueException;

/**
 * Talking to a device now: read a resource or command, write resources (answered with the values
 * read back), or poll its source out of schedule.
 */
@Tag(name = "devices", description = "The device registry and connectivity")
@RestController
@RequestMapping("/api/v1/devices/{name}")
public class DeviceCommandController {

    private final ResourceCommands commands;

    DeviceCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @Operation(operationId = "readDeviceCommand", summary = "Read a device's resource or command now")
    @GetMapping("/commands/{command}")
    Map<String, Object> read(@PathVariable String name, @PathVariable String command) {
        return this.commands.read(name, this.commands.resourcesOf(name, command));
    }

    /** The body maps resources to values; each must belong to the named resource or command. */
    @Operation(operationId = "writeDeviceCommand", summary = "Write resources of a device, answered with the values read back")
    @PutMapping("/commands/{command}")
    Map<String, Object> write(@PathVariable String name, @PathVariable String command,
            @RequestBody Map<String, Object> values) {
        var allowed = this.commands.resourcesOf(name, command);
        values.keySet().stream().filter((key) -> !allowed.contains(key)).findFirst().ifPresent((key) -> {
            throw new InvalidValueException("'" + key + "' is not part of '" + command + "'.");
        });
        return this.commands.write(name, values);
    }

    @Operation(operationId = "pollDevice", summary = "Poll a device now, out of schedule")
    @PostMapping("/poll")
    DeviceReadingsPolled poll(@PathVariable String name) {
        return this.commands.poll(name);
    }
}
