package com.amazonaws.greengrass.javasdk.model;

public class GGIotDataException extends Exception {
    public GGIotDataException(String message) { super(message); }
    public GGIotDataException(String message, Throwable cause) { super(message, cause); }
}
