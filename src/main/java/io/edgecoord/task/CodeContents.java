package io.edgecoord.task;

import java.util.Set;

/**
 * What a validated code archive holds.
 *
 * @param files the paths of its regular files, relative to the root, with {@code /} separators
 * @param unpackedSize the total size of its files once unpacked
 */
record CodeContents(Set<String> files, long unpackedSize) {

    CodeContents {
        files = Set.copyOf(files);
    }

    /**
     * Checks that the archive holds what the runtime starts from.
     * @throws InvalidCodeException when the entry point is missing
     */
    void requireEntryPoint(TaskSettings settings) {
        switch (settings.runtime()) {
            case PYTHON_3_11 -> require(this.files.contains(settings.pythonModuleFile()), "handler '"
                    + settings.handler() + "' needs the file " + settings.pythonModuleFile() + " in the code.");
            case NODEJS_18 -> require(settings.nodeModuleFiles().stream().anyMatch(this.files::contains), "handler '"
                    + settings.handler() + "' needs one of " + String.join(", ", settings.nodeModuleFiles())
                    + " in the code.");
            case PROVIDED -> require(this.files.contains("bootstrap"),
                    "runtime provided needs an executable file named 'bootstrap' at the root of the code.");
            case JAVA_17 -> require(this.files.contains(settings.javaClassFile()) || hasLibraryJar(),
                    "handler '" + settings.handler() + "' needs " + settings.javaClassFile()
                            + " at the root of the code or a jar under lib/.");
        }
    }

    private boolean hasLibraryJar() {
        return this.files.stream().anyMatch((file) -> file.startsWith("lib/") && file.endsWith(".jar"));
    }

    private static void require(boolean condition, String detail) {
        if (!condition) {
            throw new InvalidCodeException(detail);
        }
    }
}
