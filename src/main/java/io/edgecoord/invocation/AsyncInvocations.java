package io.edgecoord.invocation;

import org.springframework.stereotype.Service;

/**
 * Invokes tasks for other modules (the router) exactly as the REST API's asynchronous invoke
 * does: the record, with its cause, is committed before this returns. Refusals surface as the
 * same named exceptions the API renders (task not found, queue full, invalid payload, no
 * environment can be started), so the caller can count them.
 */
@Service
class AsyncInvocations implements Invocations {

    private final InvocationService service;

    AsyncInvocations(InvocationService service) {
        this.service = service;
    }

    @Override
    public String invokeAsync(String task, byte[] payload, InvocationCause cause) {
        return service.invoke(task, null, payload, Invocation.Mode.ASYNC, cause).invocation().id();
    }
}
