package io.edgecoord.shadow;

/**
 * An update the store accepted, from whatever source (REST, MQTT, polls, tasks), for the shadow
 * topics' {@code update/accepted} and {@code update/documents}. Within this module only.
 *
 * @param device the device
 * @param change the documents before and after
 */
record ShadowAccepted(String device, ShadowChange change) {
}
