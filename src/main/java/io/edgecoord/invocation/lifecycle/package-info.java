/**
 * A call's course from acceptance to its end: the service behind both APIs, idempotency, attempts on the scheduler, what the execution reports, retries and their back-off, cancels, recovery at start-up, live logs, and the module's settings.
 */
package io.edgecoord.invocation.lifecycle;
