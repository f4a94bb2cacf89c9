package io.edgecoord.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps code artifacts content-addressed under the data directory, and their unpacked code.
 * <pre>
 * artifacts/sha256/ab/ab12…ef.zip   the artifact, written once (temp file, then atomic move)
 * artifacts/tmp/                    uploads being staged
 * code/ab12…ef/                     the artifact unpacked once (temp folder, then atomic rename)
 * </pre>
 * Thread-safe without locks: writers race only to put identical content in place, and the loser
 * throws its copy away. A half-written file or half-unpacked folder never carries a final name.
 */
class ArtifactStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path artifacts;

    private final Path staging;

    private final Path code;

    ArtifactStore(Path dataDirectory) {
        Path root = dataDirectory.toAbsolutePath().normalize();
        this.artifacts = root.resolve("artifacts").resolve("sha256");
        this.staging = root.resolve("artifacts").resolve("tmp");
        this.code = root.resolve("code");
        try {
            Files.createDirectories(this.artifacts);
            Files.createDirectories(this.staging);
            Files.createDirectories(this.code);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create the artifact directories under " + root, ex);
        }
    }

    /** A new empty file to stage an upload in, on the same file system as the artifacts. */
    Path newStagingFile() throws IOException {
        return Files.createTempFile(this.staging, "upload-", ".zip");
    }

    /** Deletes staged uploads and half-unpacked folders left by a crash. Call at start-up only. */
    void removeLeftovers() throws IOException {
        deleteTree(this.staging);
        Files.createDirectories(this.staging);
        try (Stream<Path> children = Files.list(this.code)) {
            for (Path child : children.filter((path) -> path.getFileName().toString().startsWith(".tmp-")).toList()) {
                deleteTree(child);
            }
        }
    }

    /** Puts a staged artifact in place, unless the same bytes are already there, and unpacks it. */
    Path keep(StagedCode staged) {
        Path target = artifactPath(staged.sha256());
        try {
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not store the code artifact " + target, ex);
        }
        finally {
            staged.close();
        }
        return codeDirectory(staged.sha256());
    }

    /** Where the artifact with this sha256 is stored. */
    Path artifactPath(String sha256) {
        checkSha256(sha256);
        return this.artifacts.resolve(sha256.substring(0, 2)).resolve(sha256 + ".zip");
    }

    /** The unpacked code of a stored artifact, unpacking it first if needed. */
    Path codeDirectory(String sha256) {
        checkSha256(sha256);
        Path directory = this.code.resolve(sha256);
        if (Files.isDirectory(directory)) {
            return directory;
        }
        Path artifact = artifactPath(sha256);
        Path temporary = this.code.resolve(".tmp-" + sha256 + "-" + UUID.randomUUID());
        try {
            if (!Files.exists(artifact)) {
                throw new IllegalStateException("The code artifact " + artifact + " is missing");
            }
            CodeUnpacker.unpack(artifact, temporary);
            Files.move(temporary, directory, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (FileAlreadyExistsException | DirectoryNotEmptyException ex) {
            // Another deploy unpacked the same bytes first; its folder is as good as ours.
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not unpack the code artifact " + artifact, ex);
        }
        finally {
            deleteUnchecked(temporary);
        }
        return directory;
    }

    private static void checkSha256(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a hex sha256: " + sha256);
        }
    }

    private static void deleteUnchecked(Path tree) {
        try {
            deleteTree(tree);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + tree, ex);
        }
    }

    private static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
