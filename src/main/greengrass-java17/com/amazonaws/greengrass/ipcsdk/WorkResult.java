package com.amazonaws.greengrass.ipcsdk;

/** The end of a call: its payload (never null), its function error (null on success) and a status code. */
public class WorkResult {

    private final byte[] payload;

    private final String functionErr;

    private final int statusCode;

    public WorkResult(byte[] payload, String functionErr, int statusCode) {
        this.payload = payload == null ? new byte[0] : payload;
        this.functionErr = functionErr;
        this.statusCode = statusCode;
    }

    public byte[] getPayload() {
        return payload;
    }

    public String getFunctionErr() {
        return functionErr;
    }

    public int getStatusCode() {
        return statusCode;
    }
}
