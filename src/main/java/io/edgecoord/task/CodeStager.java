package io.edgecoord.task;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns the code of a deploy request into a validated artifact zip in a staging file, before
 * anything is stored. Inline code becomes a one-file zip; for java17 an uploaded jar becomes
 * {@code lib/task.jar} inside the artifact (Lambda's layout: classes at the root, jars under
 * {@code lib/}); any other zip is kept as it is.
 */
class CodeStager {

    private final ArtifactStore store;

    private final CodeArchiveInspector inspector;

    private final long maxCodeSize;

    CodeStager(ArtifactStore store, TaskProperties properties) {
        this.store = store;
        this.inspector = new CodeArchiveInspector(properties.maxUnpackedSize().toBytes(), properties.maxEntries());
        this.maxCodeSize = properties.maxCodeSize().toBytes();
    }

    /**
     * Stages and validates the code; the caller closes the result.
     * @throws InvalidCodeException when the code is unusable for the task's runtime
     * @throws CodeTooLargeException when the code is over a size limit
     */
    StagedCode stage(TaskSettings settings, CodeUpload upload) {
        StagedCode staged = switch (upload) {
            case CodeUpload.Inline inline -> stageInline(settings, inline);
            case CodeUpload.Archive archive -> stageArchive(settings, archive);
        };
        try {
            this.inspector.inspect(staged.file()).requireEntryPoint(settings);
            return staged;
        }
        catch (RuntimeException ex) {
            staged.close();
            throw ex;
        }
    }

    private StagedCode stageInline(TaskSettings settings, CodeUpload.Inline inline) {
        if (settings.runtime() == TaskRuntime.JAVA_17) {
            throw new InvalidCodeException("java17 needs a jar or zip; inline code is for python3.11, nodejs18.x and provided.");
        }
        String fileName = (inline.fileName() != null && !inline.fileName().isBlank()) ? inline.fileName()
                : CodePackager.defaultFileName(settings);
        byte[] source = inline.source().getBytes(StandardCharsets.UTF_8);
        if (source.length > this.maxCodeSize) {
            throw new CodeTooLargeException("The inline code is larger than " + this.maxCodeSize + " bytes.");
        }
        return write((out) -> CodePackager.writeSingleFile(fileName, source, out));
    }

    private StagedCode stageArchive(TaskSettings settings, CodeUpload.Archive archive) {
        StagedCode raw = write((out) -> {
            try (InputStream in = open(archive)) {
                copy(in, out);
            }
        });
        if (settings.runtime() != TaskRuntime.JAVA_17 || !archive.isJar()) {
            return raw;
        }
        try (raw) {
            this.inspector.inspect(raw.file());
            return write((out) -> CodePackager.writeJarLayer(raw.file(), out));
        }
    }

    private StagedCode write(ZipWriter writer) {
        Path file;
        try {
            file = this.store.newStagingFile();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not create a staging file", ex);
        }
        boolean staged = false;
        try (OutputStream fileOut = Files.newOutputStream(file);
                DigestingOutputStream out = new DigestingOutputStream(fileOut, this.maxCodeSize)) {
            writer.write(out);
            out.flush();
            staged = true;
            return new StagedCode(file, out.sha256(), out.count());
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not stage the code in " + file, ex);
        }
        finally {
            if (!staged) {
                new StagedCode(file, "", 0).close();
            }
        }
    }

    private static InputStream open(CodeUpload.Archive archive) {
        try {
            return archive.content().getInputStream();
        }
        catch (IOException ex) {
            throw new InvalidCodeException("The uploaded code could not be read (" + ex.getMessage() + ").");
        }
    }

    /** Copies the upload; a failure to read it is the client's (bad base64, cut-off upload). */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int read;
            try {
                read = in.read(buffer);
            }
            catch (IOException ex) {
                throw new InvalidCodeException("The uploaded code could not be read (" + ex.getMessage() + ").");
            }
            if (read == -1) {
                return;
            }
            out.write(buffer, 0, read);
        }
    }

    @FunctionalInterface
    private interface ZipWriter {

        void write(OutputStream out) throws IOException;
    }
}
