package io.edgecoord.device;

/** Whether a resource can be read, written, or both. */
enum ReadWrite {
    R, W, RW;

    boolean readable() {
        return this != W;
    }

    boolean writable() {
        return this != R;
    }
}
