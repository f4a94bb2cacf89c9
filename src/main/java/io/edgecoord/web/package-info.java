/** Cross-cutting web concerns: the one RFC 9457 problem handler, the problem types ({@link io.edgecoord.web.Problems}) and the OpenAPI description. */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package io.edgecoord.web;
