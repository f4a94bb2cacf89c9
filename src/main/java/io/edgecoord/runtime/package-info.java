/**
 * The AWS Lambda Runtime API that environments call, served on a unix domain socket per
 * environment, so that an environment reaches only its own endpoint and its own invocations.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Runtime API")
package io.edgecoord.runtime;
