package com.amazonaws.greengrass.javasdk.model;

import java.nio.ByteBuffer;

public class PublishRequest {
    private String topic;
    private ByteBuffer payload;

    public String getTopic() { return topic; }
    public ByteBuffer getPayload() { return payload; }
    public PublishRequest withTopic(String topic) { this.topic = topic; return this; }
    public PublishRequest withPayload(ByteBuffer payload) { this.payload = payload; return this; }
}
