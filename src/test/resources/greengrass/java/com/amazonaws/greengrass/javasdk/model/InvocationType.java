package com.amazonaws.greengrass.javasdk.model;

public enum InvocationType { Event, RequestResponse }
