package io.edgecoord.device.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A reusable schema for a type of device (EdgeX's device profile): its resources, optional
 * commands that group them, and polling defaults.
 *
 * @param name unique, {@code [A-Za-z0-9._:-]{1,128}}
 * @param manufacturer free text
 * @param model free text
 * @param labels free labels
 * @param resources the device's resources
 * @param commands groups of resources
 * @param defaults polling defaults for its devices
 */
public record DeviceProfile(@NotNull @Pattern(regexp = NAME) String name, String manufacturer, String model,
        List<String> labels, @NotEmpty List<@Valid ProfileResource> resources, List<@Valid ProfileCommand> commands,
        ProfileDefaults defaults) {

    /** Names of profiles, devices, resources and commands. */
    public static final String NAME = "[A-Za-z0-9._:-]{1,128}";

    public DeviceProfile {
        labels = (labels == null) ? List.of() : List.copyOf(labels);
        resources = (resources == null) ? List.of() : List.copyOf(resources);
        commands = (commands == null) ? List.of() : List.copyOf(commands);
        defaults = (defaults == null) ? new ProfileDefaults(null, null, null, null) : defaults;
    }

    /** Checks what annotations cannot: unique names, known command resources, sane limits. */
    public DeviceProfile validated() {
        Set<String> names = new HashSet<>();
        for (ProfileResource resource : this.resources) {
            require(names.add(resource.name()), "resource '" + resource.name() + "' is defined twice");
            require(resource.minimum() == null || resource.maximum() == null
                    || resource.minimum() <= resource.maximum(), "resource '" + resource.name()
                            + "' has a minimum above its maximum");
            require(resource.scale() != 0, "resource '" + resource.name() + "' has scale 0");
            if (resource.deadband() != null) {
                resource.deadband().check(resource);
            }
        }
        for (ProfileCommand command : this.commands) {
            require(names.add(command.name()), "command '" + command.name() + "' clashes with another name");
            command.resources()
                .forEach((r) -> require(resource(r).isPresent(),
                        "command '" + command.name() + "' names unknown resource '" + r + "'"));
        }
        if (this.defaults.pollSource() != null) {
            resolve(this.defaults.pollSource());
        }
        return this;
    }

    public Optional<ProfileResource> resource(String name) {
        return this.resources.stream().filter((r) -> r.name().equals(name)).findFirst();
    }

    /** The resources a source names: a command's resources, one resource, or (null) all readable ones. */
    public List<ProfileResource> resolve(String source) {
        if (source == null) {
            List<ProfileResource> readable = this.resources.stream().filter((r) -> r.readWrite().readable()).toList();
            require(!readable.isEmpty(), "profile '" + this.name + "' has no readable resource to poll");
            return readable;
        }
        Optional<ProfileCommand> command = this.commands.stream().filter((c) -> c.name().equals(source)).findFirst();
        if (command.isPresent()) {
            List<ProfileResource> found = new ArrayList<>();
            command.get().resources().forEach((r) -> found.add(resource(r).orElseThrow()));
            return found;
        }
        return List.of(resource(source).orElseThrow(() -> new InvalidDefinitionException(
                "'" + source + "' is neither a command nor a resource of profile '" + this.name + "'")));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidDefinitionException(detail);
        }
    }
}
