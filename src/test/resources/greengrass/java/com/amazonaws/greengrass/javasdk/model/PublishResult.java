package com.amazonaws.greengrass.javasdk.model;

public class PublishResult {
}
