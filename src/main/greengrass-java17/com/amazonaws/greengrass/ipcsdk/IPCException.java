package com.amazonaws.greengrass.ipcsdk;

/**
 * A call the seam refused or could not make. The SDK reports {@link #getCause()}, so edgecoord
 * always sets one that says what went wrong.
 */
public class IPCException extends Exception {

    private static final long serialVersionUID = 1L;

    public IPCException(String message) {
        super(message);
    }

    public IPCException(String message, Throwable cause) {
        super(message, cause);
    }

    public IPCException(Throwable cause) {
        super(cause);
    }
}
