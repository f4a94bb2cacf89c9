package com.amazonaws.greengrass.javasdk.model;

import java.nio.ByteBuffer;

public class UpdateThingShadowResult {
    private ByteBuffer payload;

    public ByteBuffer getPayload() { return payload; }
    public void setPayload(ByteBuffer payload) { this.payload = payload; }
}
