package io.edgecoord.task;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (sha256) what passes through, and refuses to pass more than a limit. */
class DigestingOutputStream extends FilterOutputStream {

    private final MessageDigest digest;

    private final long limit;

    private long count;

    DigestingOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every JDK has SHA-256", ex);
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] { (byte) b }, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        this.count += length;
        if (this.count > this.limit) {
            throw new CodeTooLargeException("The code is larger than " + this.limit + " bytes.");
        }
        this.digest.update(bytes, offset, length);
        this.out.write(bytes, offset, length);
    }

    long count() {
        return this.count;
    }

    String sha256() {
        return HexFormat.of().formatHex(this.digest.digest());
    }
}
