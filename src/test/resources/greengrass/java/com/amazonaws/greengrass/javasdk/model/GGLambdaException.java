package com.amazonaws.greengrass.javasdk.model;

public class GGLambdaException extends Exception {
    public GGLambdaException(String message) { super(message); }
    public GGLambdaException(String message, Throwable cause) { super(message, cause); }
}
