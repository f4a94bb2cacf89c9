package io.edgecoord.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps code artifacts content-addressed under the data directory, and their unpacked code.
 * <pre>
 * artifacts/sha256/ab/ab12…ef.zip   the artifact, written once (temp file, then atomic move)
 * artifacts/tmp/                    uploads being staged
 * code/ab12…ef/                     the artifact unpacked once (temp folder, then atomic rename)
 * </pre>
 * Thread-safe: writers race only to put identical content in place, and the loser throws its copy
 * away. A half-written file or half-unpacked folder never carries a final name. Version retention
 * deletes an artifact only while no deploy holds it ({@link Kept}): keeping and deleting take one
 * short lock, for a rename each.
 */
class ArtifactStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path artifacts;

    private final Path staging;

    private final Path code;

    /** How many deploys hold each sha256 until their version is committed; guarded by {@code this}. */
    private final Map<String, Integer> held = new HashMap<>();

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
        FileTrees.deleteTree(this.staging);
        Files.createDirectories(this.staging);
        try (Stream<Path> children = Files.list(this.code)) {
            for (Path child : children.filter((path) -> path.getFileName().toString().startsWith(".tmp-")).toList()) {
                FileTrees.deleteTree(child);
            }
        }
    }

    /**
     * Puts a staged artifact in place, unless the same bytes are already there, unpacks it, and
     * holds it against deletion until the returned {@link Kept} is closed.
     */
    Kept keep(StagedCode staged) {
        Path target = artifactPath(staged.sha256());
        synchronized (this) {
            this.held.merge(staged.sha256(), 1, Integer::sum);
            try {
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    Files.move(staged.file(), target, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            catch (IOException ex) {
                release(staged.sha256());
                throw new UncheckedIOException("Could not store the code artifact " + target, ex);
            }
            finally {
                staged.close();
            }
        }
        try {
            return new Kept(staged.sha256(), codeDirectory(staged.sha256()));
        }
        catch (RuntimeException ex) {
            release(staged.sha256());
            throw ex;
        }
    }

    /**
     * A deploy's hold on the artifact it kept. Closing it lets retention delete the artifact again;
     * inside a transaction (a bundle's), only once that transaction has ended, so that the version
     * that names the artifact is committed, or rolled back, first.
     */
    final class Kept implements AutoCloseable {

        private final String sha256;

        private final Path codeDirectory;

        private Kept(String sha256, Path codeDirectory) {
            this.sha256 = sha256;
            this.codeDirectory = codeDirectory;
        }

        /** The artifact unpacked: the task root. */
        Path codeDirectory() {
            return this.codeDirectory;
        }

        @Override
        public void close() {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        release(Kept.this.sha256);
                    }
                });
            }
            else {
                release(this.sha256);
            }
        }
    }

    private synchronized void release(String sha256) {
        this.held.computeIfPresent(sha256, (sha, count) -> (count > 1) ? count - 1 : null);
    }

    /**
     * Deletes an artifact and its unpacked code, unless a deploy holds the same bytes now.
     *
     * @return the bytes freed, or -1 when a deploy holds it and it stays
     */
    long delete(String sha256) {
        Path artifact = artifactPath(sha256);
        String aside = ".tmp-" + sha256 + "-" + UUID.randomUUID();
        Path artifactAside = this.staging.resolve(aside + ".zip");
        Path codeAside = this.code.resolve(aside);
        synchronized (this) {
            if (this.held.containsKey(sha256)) {
                return -1;
            }
            // Renamed away under the lock, deleted outside it: no name ever points at half a tree.
            FileTrees.moveIfThere(artifact, artifactAside);
            FileTrees.moveIfThere(this.code.resolve(sha256), codeAside);
        }
        long freed = FileTrees.sizeOf(artifactAside) + FileTrees.sizeOf(codeAside);
        FileTrees.deleteUnchecked(artifactAside);
        FileTrees.deleteUnchecked(codeAside);
        return freed;
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
            FileTrees.deleteUnchecked(temporary);
        }
        return directory;
    }

    private static void checkSha256(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a hex sha256: " + sha256);
        }
    }
}
