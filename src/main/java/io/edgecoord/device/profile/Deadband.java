package io.edgecoord.device.profile;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * How far a resource's value must move from the value last published before a new one is
 * published: an absolute amount in the resource's units, or a percent of its {@code [minimum,
 * maximum]} span (as OPC UA's percent deadband is of a node's EURange). A move of exactly the band
 * is not enough (OPC UA's rule). An array is published when any element moves by more than the
 * band, or its length changes. Pure.
 *
 * @param absolute the band in the resource's units, or null
 * @param percent the band as a percent (0–100) of the span, or null
 */
public record Deadband(Double absolute, Double percent) {

    /** Checks the band against its resource; an {@link InvalidDefinitionException} names what is wrong. */
    void check(ProfileResource resource) {
        String where = "resource '" + resource.name() + "': deadband";
        require((this.absolute == null) != (this.percent == null), where + " takes absolute or percent, one of them");
        require(resource.valueType().element().numeric(), where + " applies to numbers and arrays of numbers, not "
                + resource.valueType());
        require(this.absolute == null || this.absolute >= 0, where + ".absolute must not be negative");
        require(this.percent == null || (this.percent >= 0 && this.percent <= 100), where + ".percent is 0 to 100");
        require(this.percent == null || (resource.minimum() != null && resource.maximum() != null),
                where + ".percent needs the resource's minimum and maximum (the span it is a percent of)");
    }

    /** The band in the resource's units. */
    public double band(ProfileResource resource) {
        return (this.absolute != null) ? this.absolute
                : this.percent / 100 * (resource.maximum() - resource.minimum());
    }

    /** Whether {@code value} is to be published, {@code previous} being the value last published (or null). */
    boolean passes(ProfileResource resource, Object previous, Object value) {
        if (previous == null) {
            return true;
        }
        double band = band(resource);
        if (previous instanceof List<?> before && value instanceof List<?> now) {
            if (before.size() != now.size()) {
                return true;
            }
            for (int i = 0; i < now.size(); i++) {
                if (moved(before.get(i), now.get(i), band)) {
                    return true;
                }
            }
            return false;
        }
        return moved(previous, value, band);
    }

    private static boolean moved(Object previous, Object value, double band) {
        if (previous instanceof Number before && value instanceof Number now) {
            BigDecimal change = new BigDecimal(now.toString()).subtract(new BigDecimal(before.toString())).abs();
            return change.compareTo(BigDecimal.valueOf(band)) > 0;
        }
        return !Objects.equals(previous, value);
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidDefinitionException(detail);
        }
    }
}
