package io.edgecoord.execution.process;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/** Finds a program as a shell would: a path as it is, a bare name in the folders of {@code PATH}. */
final class Executables {

    private Executables() {
    }

    static Optional<Path> find(String program, String path) {
        if (program.contains("/")) {
            return Optional.of(Path.of(program)).filter(Files::isExecutable);
        }
        return Arrays.stream(path == null ? new String[0] : path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
