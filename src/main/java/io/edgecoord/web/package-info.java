/**
 * Cross-cutting web concerns: the one RFC 9457 problem handler (with the error page's controller
 * beside it, and {@link io.edgecoord.web.Problems} owning every type, public for other modules' problems), strict JSON request bodies, and the
 * OpenAPI description.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.edgecoord.web;
