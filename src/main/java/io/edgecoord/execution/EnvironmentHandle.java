package io.edgecoord.execution;

/**
 * A backend's handle on one running environment.
 *
 * @param environmentId the coordinator's id for the environment
 * @param backendId the backend's own id for it (a container id)
 */
public record EnvironmentHandle(String environmentId, String backendId) {
}
