package io.edgecoord.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Validates a code archive strictly before anything is stored: it must be a readable zip whose
 * entries are plain files and directories that stay inside the root, within the entry and unpacked
 * size limits. Sizes are counted while reading each entry's data, never taken from the headers.
 */
class CodeArchiveInspector {

    private static final int TYPE_MASK = 0170000;

    private static final int REGULAR_FILE = 0100000;

    private static final int DIRECTORY = 0040000;

    private final long maxUnpackedSize;

    private final int maxEntries;

    CodeArchiveInspector(long maxUnpackedSize, int maxEntries) {
        this.maxUnpackedSize = maxUnpackedSize;
        this.maxEntries = maxEntries;
    }

    /**
     * Reads the whole archive and says what it holds.
     * @throws InvalidCodeException when it is not a zip or holds an unsafe entry
     * @throws CodeTooLargeException when it has too many entries or unpacks too large
     */
    CodeContents inspect(Path zip) {
        try (ZipFile file = ZipFile.builder().setPath(zip).get()) {
            return inspect(file);
        }
        catch (IOException ex) {
            throw new InvalidCodeException("The code is not a valid zip archive (" + ex.getMessage() + ").");
        }
    }

    private CodeContents inspect(ZipFile zip) throws IOException {
        Set<String> files = new HashSet<>();
        Set<String> directories = new HashSet<>();
        long unpacked = 0;
        int entries = 0;
        for (ZipArchiveEntry entry : Collections.list(zip.getEntriesInPhysicalOrder())) {
            if (++entries > this.maxEntries) {
                throw new CodeTooLargeException("The code has more than " + this.maxEntries + " entries.");
            }
            String name = checkName(entry);
            checkType(entry, name);
            if (!zip.canReadEntryData(entry)) {
                throw new InvalidCodeException("Entry '" + name + "' uses an unsupported compression method or "
                        + "encryption.");
            }
            addParents(name, directories);
            if (entry.isDirectory()) {
                directories.add(stripSlash(name));
                continue;
            }
            if (!files.add(name)) {
                throw new InvalidCodeException("Entry '" + name + "' appears twice.");
            }
            try (InputStream data = zip.getInputStream(entry)) {
                unpacked = count(data, unpacked, name);
            }
        }
        for (String file : files) {
            if (directories.contains(file)) {
                throw new InvalidCodeException("Entry '" + file + "' is both a file and a directory.");
            }
        }
        return new CodeContents(files, unpacked);
    }

    private long count(InputStream data, long total, String name) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int read = data.read(buffer); read != -1; read = data.read(buffer)) {
            total += read;
            if (total > this.maxUnpackedSize) {
                throw new CodeTooLargeException("The code unpacks to more than " + this.maxUnpackedSize
                        + " bytes (reached while reading '" + name + "').");
            }
        }
        return total;
    }

    /** The entry's name if it stays inside the root once unpacked. */
    static String checkName(ZipArchiveEntry entry) {
        String name = entry.getName();
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':');
        for (String segment : stripSlash(name).split("/", -1)) {
            unsafe |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
        }
        if (unsafe) {
            throw new InvalidCodeException("Entry '" + name + "' is not a plain relative path inside the code "
                    + "(absolute paths, '..', '.', empty segments and backslashes are refused).");
        }
        return name;
    }

    private static void checkType(ZipArchiveEntry entry, String name) {
        int type = entry.getUnixMode() & TYPE_MASK;
        if (entry.isUnixSymlink()) {
            throw new InvalidCodeException("Entry '" + name + "' is a symbolic link; links are refused.");
        }
        if (type != 0 && type != REGULAR_FILE && type != DIRECTORY) {
            throw new InvalidCodeException("Entry '" + name + "' is not a regular file or a directory.");
        }
    }

    private static void addParents(String name, Set<String> directories) {
        String path = stripSlash(name);
        for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
            directories.add(path.substring(0, slash));
        }
    }

    private static String stripSlash(String name) {
        return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
    }
}
