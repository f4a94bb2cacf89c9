package com.amazonaws.greengrass.javasdk.model;

import java.nio.ByteBuffer;

public class InvokeRequest {
    private String functionArn;
    private InvocationType invocationType;
    private String clientContext;
    private ByteBuffer payload;
    private String qualifier;

    public String getFunctionArn() { return functionArn; }
    public void setFunctionArn(String functionArn) { this.functionArn = functionArn; }
    public InvocationType getInvocationType() { return invocationType; }
    public void setInvocationType(InvocationType invocationType) { this.invocationType = invocationType; }
    public String getClientContext() { return clientContext; }
    public void setClientContext(String clientContext) { this.clientContext = clientContext; }
    public ByteBuffer getPayload() { return payload; }
    public void setPayload(ByteBuffer payload) { this.payload = payload; }
    public String getQualifier() { return qualifier; }
    public void setQualifier(String qualifier) { this.qualifier = qualifier; }
    public InvokeRequest withFunctionArn(String arn) { setFunctionArn(arn); return this; }
    public InvokeRequest withInvocationType(InvocationType type) { setInvocationType(type); return this; }
    public InvokeRequest withClientContext(String context) { setClientContext(context); return this; }
    public InvokeRequest withPayload(ByteBuffer payload) { setPayload(payload); return this; }
    public InvokeRequest withQualifier(String qualifier) { setQualifier(qualifier); return this; }
}
