package io.edgecoord.device.profile;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One resource of a device profile. On read the device's raw value becomes {@code raw × scale +
 * offset}; on write the reverse (EdgeX semantics). Limits apply to the transformed value.
 *
 * @param name the resource's name, unique in its profile
 * @param valueType the type of its value
 * @param readWrite R, W or RW
 * @param units free text such as {@code degC}
 * @param minimum the lowest value accepted on write
 * @param maximum the highest value accepted on write
 * @param scale multiplies the raw value on read; default 1
 * @param offset added after scaling on read; default 0
 * @param allowedValues the only values a STRING resource accepts on write, if given
 * @param attributes protocol locators; the HTTP binding reads {@code path}
 * @param deadband how far the value must move to be published again, or null: every reading is
 */
public record ProfileResource(@NotNull @Pattern(regexp = DeviceProfile.NAME) String name, @NotNull ValueType valueType,
        @NotNull ReadWrite readWrite, String units, Double minimum, Double maximum, Double scale, Double offset,
        List<String> allowedValues, Map<String, String> attributes, Deadband deadband) {

    /** A resource without a deadband. */
    public ProfileResource(String name, ValueType valueType, ReadWrite readWrite, String units, Double minimum, Double maximum,
            Double scale, Double offset, List<String> allowedValues, Map<String, String> attributes) {
        this(name, valueType, readWrite, units, minimum, maximum, scale, offset, allowedValues, attributes, null);
    }

    public ProfileResource {
        scale = (scale == null) ? 1.0 : scale;
        offset = (offset == null) ? 0.0 : offset;
        allowedValues = (allowedValues == null) ? List.of() : List.copyOf(allowedValues);
        attributes = (attributes == null) ? Map.of() : Map.copyOf(attributes);
    }

    /** The HTTP path of this resource, below the device's base URL. */
    public String path() {
        return this.attributes.getOrDefault("path", "/" + this.name);
    }
}
