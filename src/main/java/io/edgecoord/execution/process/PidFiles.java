package io.edgecoord.execution.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One file per running environment, {@code <folder>/<environmentId>.pid}, holding the runtime's
 * pid and start time, so that a coordinator restarted after a crash kills what it left running.
 * The start time guards against a pid the OS has since given to another process.
 */
final class PidFiles {

    private static final Logger log = LoggerFactory.getLogger(PidFiles.class);

    private final Path folder;

    PidFiles(Path folder) {
        this.folder = folder;
    }

    void write(String environmentId, ProcessHandle process) {
        String start = process.info().startInstant().map(Instant::toString).orElse("-");
        try {
            Files.createDirectories(folder);
            Files.writeString(file(environmentId), process.pid() + " " + start + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot write the pid file of environment " + environmentId, ex);
        }
    }

    void delete(String environmentId) {
        try {
            Files.deleteIfExists(file(environmentId));
        }
        catch (IOException ex) {
            log.warn("Cannot delete the pid file of environment {}: {}", environmentId, ex.toString());
        }
    }

    /** The processes the files name that still run as the same processes; deletes every file. */
    List<ProcessHandle> takeLeftovers() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pid")).toList().stream()
                    .flatMap(f -> readAndDelete(f).stream())
                    .toList();
        }
        catch (IOException ex) {
            log.warn("Cannot look for leftover processes in {}: {}", folder, ex.toString());
            return List.of();
        }
    }

    private Optional<ProcessHandle> readAndDelete(Path file) {
        try {
            String[] fields = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            Files.deleteIfExists(file);
            String start = fields.length > 1 ? fields[1] : "-";
            return ProcessHandle.of(Long.parseLong(fields[0]))
                    .filter(p -> p.info().startInstant().map(Instant::toString).orElse("-").equals(start));
        }
        catch (IOException | NumberFormatException ex) {
            log.warn("Ignoring unreadable pid file {}: {}", file, ex.toString());
            return Optional.empty();
        }
    }

    private Path file(String environmentId) {
        return folder.resolve(environmentId + ".pid");
    }
}
