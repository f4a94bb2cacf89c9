/**
 * The invocation REST API: invoke, records, lists, logs and cancel under {@code /api/v1}, with the bodies, limits, {@code Prefer} and qualifier parsing it reads and the responses it writes.
 */
package io.edgecoord.invocation.api;
