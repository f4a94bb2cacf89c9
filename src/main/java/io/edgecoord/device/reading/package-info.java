/**
 * Readings history: the last values as gauges, readings written in batches within their bounds and retention, and the REST API that reads them.
 */
package io.edgecoord.device.reading;
