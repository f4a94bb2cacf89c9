package io.edgecoord.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds code artifacts that the client did not give as a zip. The zips are byte-for-byte
 * reproducible (stored entries, a fixed local timestamp), so deploying the same inline code or jar
 * again gives the same sha256 and no new version.
 */
final class CodePackager {

    /** Where an uploaded java17 jar goes inside the artifact: Lambda's {@code lib/} on the class path. */
    static final String JAR_ENTRY = "lib/task.jar";

    private static final LocalDateTime FIXED_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private CodePackager() {
    }

    /** The file name inline code is stored under when the client names none. */
    static String defaultFileName(TaskSettings settings) {
        return switch (settings.runtime()) {
            case PYTHON_3_11 -> settings.pythonModuleFile();
            case NODEJS_18 -> settings.nodeModuleFiles().getFirst();
            case PROVIDED -> "bootstrap";
            case JAVA_17 -> throw new IllegalArgumentException("java17 code is never inline");
        };
    }

    /** Writes a zip holding one file. Unpacking makes {@code bootstrap} executable. */
    static void writeSingleFile(String fileName, byte[] content, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        crc.update(content);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(storedEntry(fileName, content.length, crc.getValue()));
            zip.write(content);
            zip.closeEntry();
        }
    }

    /** Writes a zip that holds the jar as {@value #JAR_ENTRY}. */
    static void writeJarLayer(Path jar, OutputStream out) throws IOException {
        CRC32 crc = new CRC32();
        try (InputStream in = Files.newInputStream(jar)) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read != -1; read = in.read(buffer)) {
                crc.update(buffer, 0, read);
            }
        }
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(storedEntry(JAR_ENTRY, Files.size(jar), crc.getValue()));
            Files.copy(jar, zip);
            zip.closeEntry();
        }
    }

    private static ZipEntry storedEntry(String name, long size, long crc) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        entry.setTimeLocal(FIXED_TIME);
        return entry;
    }
}
