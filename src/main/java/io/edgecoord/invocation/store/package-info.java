/**
 * The durable records: the invocation and its output as entities, their repositories and queries, the store that reads memory before the database, the write-behind journal, and retention.
 */
package io.edgecoord.invocation.store;
