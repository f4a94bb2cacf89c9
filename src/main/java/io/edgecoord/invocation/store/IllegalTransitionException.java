package io.edgecoord.invocation.store;

import io.edgecoord.invocation.InvocationStatus;

/** A change of an invocation's status that its lifecycle does not allow. */
class IllegalTransitionException extends IllegalStateException {

    IllegalTransitionException(String id, InvocationStatus from, String to) {
        super("Invocation " + id + " cannot go from " + from + " to " + to);
    }
}
