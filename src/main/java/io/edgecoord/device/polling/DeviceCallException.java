package io.edgecoord.device.polling;

/** Reading or writing a device failed; the kind says how, the message carries the facts. */
public class DeviceCallException extends Exception {

    private final FailureKind kind;

    public DeviceCallException(FailureKind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FailureKind kind() {
        return this.kind;
    }
}
