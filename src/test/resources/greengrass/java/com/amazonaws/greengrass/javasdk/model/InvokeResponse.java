package com.amazonaws.greengrass.javasdk.model;

import java.nio.ByteBuffer;

public class InvokeResponse {
    private int statusCode;
    private ByteBuffer payload;
    private String functionErr;

    public int getStatusCode() { return statusCode; }
    public void setStatusCode(int statusCode) { this.statusCode = statusCode; }
    public ByteBuffer getPayload() { return payload; }
    public void setPayload(ByteBuffer payload) { this.payload = payload; }
    public String getFunctionErr() { return functionErr; }
    public void setFunctionErr(String functionErr) { this.functionErr = functionErr; }
}
