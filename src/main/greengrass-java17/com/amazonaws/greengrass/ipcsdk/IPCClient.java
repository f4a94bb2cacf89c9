package com.amazonaws.greengrass.ipcsdk;

/**
 * The local invocation client the Greengrass Java Core SDK calls for every publish, shadow call and
 * invoke; edgecoord's implementation is {@link DefaultIPCClient}.
 */
public interface IPCClient {

    /**
     * Starts a call of {@code functionArn} and returns its invocation id. The argument order is the
     * SDK's: the invocation type comes before the payload, the base64 client context last.
     */
    String postWork(String functionArn, String invocationType, byte[] payload, String clientContext)
            throws IPCException;

    /** Waits for the end of a call {@link #postWork} started. */
    WorkResult getWorkResult(String functionArn, String invocationId) throws IPCException;
}
