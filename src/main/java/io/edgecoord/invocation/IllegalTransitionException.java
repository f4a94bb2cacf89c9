package io.edgecoord.invocation;

/** A change of an invocation's status that its lifecycle does not allow. */
class IllegalTransitionException extends IllegalStateException {

    IllegalTransitionException(String id, InvocationStatus from, String to) {
        super("Invocation " + id + " cannot go from " + from + " to " + to);
    }
}
