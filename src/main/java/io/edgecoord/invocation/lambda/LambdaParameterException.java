package io.edgecoord.invocation.lambda;

/** A Lambda Invoke call names its function or options in a way Lambda would refuse (400). */
class LambdaParameterException extends RuntimeException {

    LambdaParameterException(String message) {
        super(message);
    }
}
