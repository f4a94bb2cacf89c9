/**
 * The no-container backend of the resource manager: runs each environment's runtime as a plain
 * child process of the coordinator, reaching its own Runtime API endpoint on a loopback port.
 * There is no isolation: the runtime runs as the coordinator's user, sees the host's files,
 * devices and network, and only the invocation timeout bounds it.
 */
package io.edgecoord.execution.process;
