package io.edgecoord.invocation.lambda;

/** A Lambda Invoke call names a function, or a version of it, that edgecoord does not have (404). */
class LambdaFunctionNotFoundException extends RuntimeException {

    LambdaFunctionNotFoundException(String arn) {
        super("Function not found: " + arn);
    }
}
