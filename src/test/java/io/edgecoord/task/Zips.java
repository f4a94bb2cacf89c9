package io.edgecoord.task;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds zips for tests, including the malicious kinds a client could send. */
final class Zips {

    private final List<Entry> entries = new ArrayList<>();

    private Zips() {
    }

    static Zips zip() {
        return new Zips();
    }

    Zips file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0100644);
    }

    Zips executable(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8), 0100755);
    }

    Zips file(String name, byte[] content, int unixMode) {
        this.entries.add(new Entry(name, content, unixMode));
        return this;
    }

    Zips directory(String name) {
        return file(name, new byte[0], 040755);
    }

    Zips symlink(String name, String target) {
        return file(name, target.getBytes(StandardCharsets.UTF_8), 0120777);
    }

    byte[] bytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Entry entry : this.entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setUnixMode(entry.unixMode());
                zip.putArchiveEntry(zipEntry);
                zip.write(entry.content());
                zip.closeArchiveEntry();
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    private record Entry(String name, byte[] content, int unixMode) {
    }
}
