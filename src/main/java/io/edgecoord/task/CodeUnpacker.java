package io.edgecoord.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a code archive that {@link CodeArchiveInspector} has accepted into a directory:
 * directories 0755, files 0644, or 0755 when the entry's unix mode has an execute bit or the file is
 * the root {@code bootstrap}. Entry names are checked again so that no entry lands outside the target.
 */
final class CodeUnpacker {

    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");

    private static final Set<PosixFilePermission> READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private CodeUnpacker() {
    }

    /** Unpacks {@code zip} into {@code target}, which must not exist yet. */
    static void unpack(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            for (ZipArchiveEntry entry : Collections.list(file.getEntriesInPhysicalOrder())) {
                Path path = resolve(target, CodeArchiveInspector.checkName(entry));
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    continue;
                }
                Files.createDirectories(path.getParent());
                try (InputStream data = file.getInputStream(entry)) {
                    Files.copy(data, path);
                }
                boolean executable = (entry.getUnixMode() & 0111) != 0 || entry.getName().equals("bootstrap");
                setPermissions(path, executable ? EXECUTABLE : READABLE);
            }
        }
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path directory : paths.filter(Files::isDirectory).toList()) {
                setPermissions(directory, EXECUTABLE);
            }
        }
    }

    private static Path resolve(Path target, String name) throws IOException {
        Path path = target.resolve(name).normalize();
        if (!path.startsWith(target) || path.equals(target)) {
            throw new IOException("Entry '" + name + "' would land outside " + target);
        }
        return path;
    }

    private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }
}
