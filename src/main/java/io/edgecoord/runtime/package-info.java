/**
 * The AWS Lambda Runtime API that environments call, served on a unix domain socket per
 * environment, so that an environment reaches only its own endpoint and its own invocations.
 * Environments that run as plain processes get a loopback TCP port each instead
 * ({@link io.edgecoord.runtime.RuntimeApiServer#openTcp(String)}).
 *
 * <p>Its face is {@link io.edgecoord.runtime.RuntimeApiServer#open(String)} and the
 * {@link io.edgecoord.runtime.RuntimeEndpoint} it returns. It knows nothing of tasks, containers
 * or invocation records: whoever creates an environment opens its endpoint, bind-mounts
 * {@code socketDirectory()} into it, submits invocations and records their outcomes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runtime API")
package io.edgecoord.runtime;
