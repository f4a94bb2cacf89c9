package io.edgecoord.device.profile;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A named group of resources read or written together.
 *
 * @param name the command's name, unique among the profile's resources and commands
 * @param readWrite R, W or RW
 * @param resources the resources it reads or writes
 */
public record ProfileCommand(@NotNull @Pattern(regexp = DeviceProfile.NAME) String name, @NotNull ReadWrite readWrite,
        @NotEmpty List<String> resources) {
}
