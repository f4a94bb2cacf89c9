package io.edgecoord.task;

import org.springframework.core.io.InputStreamSource;

/** The code of a deploy request, as the client gave it: one inline source file, or an archive. */
sealed interface CodeUpload {

    /**
     * A single source file given inline.
     *
     * @param source the file's text
     * @param fileName where to store it, or {@code null} for the runtime's default name
     */
    record Inline(String source, String fileName) implements CodeUpload {
    }

    /**
     * A zip, or a jar for java17.
     *
     * @param content the archive's bytes, read once
     * @param fileName the client's file name, or {@code null}; a {@code .jar} name marks a jar
     */
    record Archive(InputStreamSource content, String fileName) implements CodeUpload {

        boolean isJar() {
            return this.fileName != null && this.fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".jar");
        }
    }
}
