package io.edgecoord.execution.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.web.util.UriUtils;

/**
 * The files an image is built from, read from the class path so it works from a jar as well as
 * from a folder: {@code <root>/<runtime>/**} at the top (its {@code Dockerfile} first of all), and
 * {@code <root>/common/**} under {@code common/} when there is such a folder. The tar is
 * byte-for-byte reproducible (sorted, fixed times and owners), so its hash names the image.
 *
 * @param files the relative path of each file, in name order, with its content and mode
 */
record BuildContext(Map<String, File> files) {

    static final String COMMON = "common";

    /**
     * One file of the context.
     *
     * @param content its bytes
     * @param mode its unix mode: {@code 0755} for executables, else {@code 0644}
     */
    record File(byte[] content, int mode) {
    }

    BuildContext {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Reads the context of {@code runtime}; throws {@link UnknownRuntimeException} when none. */
    static BuildContext read(ResourcePatternResolver resolver, String root, String runtime) {
        if (!runtime.matches("[a-zA-Z0-9][a-zA-Z0-9_.-]*") || COMMON.equals(runtime)) {
            throw new UnknownRuntimeException(runtime);
        }
        Map<String, File> files = new TreeMap<>();
        collect(resolver, root + "/" + runtime + "/", "", files);
        if (!files.containsKey("Dockerfile")) {
            throw new UnknownRuntimeException(runtime);
        }
        collect(resolver, root + "/" + COMMON + "/", COMMON + "/", files);
        return new BuildContext(files);
    }

    /** Whether a file must stay executable in the image: a bootstrap, a script, or under bin/. */
    static boolean isExecutable(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("bootstrap") || name.endsWith(".sh")
                || path.startsWith("bin/") || path.contains("/bin/");
    }

    /** The context as the tar the engine's build endpoint takes. */
    byte[] tar() {
        var bytes = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var file : files.entrySet()) {
                var entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().content().length);
                entry.setMode(TarArchiveEntry.DEFAULT_FILE_MODE & ~0777 | file.getValue().mode());
                entry.setModTime(0);
                entry.setIds(0, 0);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue().content());
                tar.closeArchiveEntry();
            }
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return bytes.toByteArray();
    }

    /** The first 12 hex digits of the sha256 of the tar and the build arguments. */
    String hash(String... buildArgs) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(tar());
            for (String arg : buildArgs) {
                sha.update(("\n" + arg).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void collect(ResourcePatternResolver resolver, String folder, String prefix,
            Map<String, File> files) {
        try {
            for (Resource resource : resolver.getResources("classpath*:" + folder + "**")) {
                String url = UriUtils.decode(resource.getURL().toString(), StandardCharsets.UTF_8);
                int at = url.lastIndexOf("/" + folder);
                if (at < 0 || url.endsWith("/") || !resource.isReadable()) {
                    continue; // a folder, not a file
                }
                String path = prefix + url.substring(at + folder.length() + 1);
                // the first class-path root wins, as it does for class loading
                files.putIfAbsent(path, new File(read(resource), isExecutable(path) ? 0755 : 0644));
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read class-path folder " + folder, unreadable);
        }
    }

    private static byte[] read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
