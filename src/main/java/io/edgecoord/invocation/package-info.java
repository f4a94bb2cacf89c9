/**
 * Invocations: durable records and their lifecycle, the invoke / status / result / logs REST
 * API, and AWS Lambda's Invoke API as a second dialect of invoking. Hands every call to the
 * scheduler and records what the execution reports back. Tells the task module's version retention
 * which versions live environments and unfinished calls still need ({@code VersionsInUse}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Invocations")
package io.edgecoord.invocation;
