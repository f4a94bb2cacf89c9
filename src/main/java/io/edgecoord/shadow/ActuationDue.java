package io.edgecoord.shadow;

/**
 * An accepted update changed desired and left a delta, so the device may need writing. Internal to
 * the module: handled after the update commits.
 *
 * @param device the device's name
 * @param version the shadow's version after the update
 */
record ActuationDue(String device, long version) {
}
