package com.amazonaws.greengrass.javasdk.model;

import java.nio.ByteBuffer;

public class UpdateThingShadowRequest {
    private String thingName;
    private ByteBuffer payload;

    public String getThingName() { return thingName; }
    public ByteBuffer getPayload() { return payload; }
    public UpdateThingShadowRequest withThingName(String thingName) { this.thingName = thingName; return this; }
    public UpdateThingShadowRequest withPayload(ByteBuffer payload) { this.payload = payload; return this; }
}
