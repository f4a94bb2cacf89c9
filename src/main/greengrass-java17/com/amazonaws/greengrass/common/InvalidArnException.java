package com.amazonaws.greengrass.common;

/** A string that is not a Lambda function ARN. */
public class InvalidArnException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidArnException(String message) {
        super(message);
    }
}
