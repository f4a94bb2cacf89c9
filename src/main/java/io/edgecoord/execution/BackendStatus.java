package io.edgecoord.execution;

/**
 * Whether a backend can create environments.
 *
 * @param backend the backend's name ({@code docker})
 * @param available whether it answers
 * @param detail what it said: the engine's version, or why it cannot be reached
 */
public record BackendStatus(String backend, boolean available, String detail) {
}
