package io.edgecoord.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A validated code artifact in a temporary file, ready to be kept by the {@link ArtifactStore}.
 * Closing it deletes the temporary file if the store has not moved it away.
 *
 * @param file the temporary zip file
 * @param sha256 the hex sha256 of the file
 * @param size the file's size in bytes
 */
record StagedCode(Path file, String sha256, long size) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(this.file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete staged code " + this.file, ex);
        }
    }
}
