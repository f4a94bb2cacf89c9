package io.edgecoord.device;

/**
 * Polling defaults for devices of a profile.
 *
 * @param pollInterval such as {@code 10s} or {@code 500ms}
 * @param pollSource the command or resource a poll reads; all readable resources if absent
 */
record ProfileDefaults(String pollInterval, String pollSource) {
}
