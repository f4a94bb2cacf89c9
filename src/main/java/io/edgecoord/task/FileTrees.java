package io.edgecoord.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** Moves, measures and deletes the artifact store's files and folders, whole trees at a time. */
final class FileTrees {

    private FileTrees() {
    }

    static void moveIfThere(Path from, Path to) {
        try {
            if (Files.exists(from)) {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not move " + from + " aside to delete it", ex);
        }
    }

    static long sizeOf(Path tree) {
        if (!Files.exists(tree)) {
            return 0;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            return paths.filter(Files::isRegularFile).mapToLong((path) -> path.toFile().length()).sum();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not measure " + tree, ex);
        }
    }

    static void deleteUnchecked(Path tree) {
        try {
            deleteTree(tree);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not delete " + tree, ex);
        }
    }

    static void deleteTree(Path tree) throws IOException {
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
