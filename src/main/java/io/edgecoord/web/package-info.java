/**
 * Cross-cutting web concerns: the one RFC 9457 problem handler (with the error page's controller
 * beside it, {@link io.edgecoord.web.Problems} owning every type and {@link io.edgecoord.web.ProblemException}
 * the base of every module's named problem, both public for other modules), strict JSON request bodies, and the
 * OpenAPI description.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.edgecoord.web;
