package io.edgecoord.device.profile;

/** Whether a resource can be read, written, or both. */
public enum ReadWrite {
    R, W, RW;

    public boolean readable() {
        return this != W;
    }

    public boolean writable() {
        return this != R;
    }
}
