package io.edgecoord.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CodeArchiveInspectorTests {

    private final CodeArchiveInspector inspector = new CodeArchiveInspector(1024, 10);

    @TempDir
    Path directory;

    @Test
    void listsFilesAndCountsUnpackedSize() throws IOException {
        CodeContents contents = inspect(Zips.zip().directory("pkg/").file("pkg/app.py", "12345").file("b", "678"));
        assertThat(contents.files()).containsExactlyInAnyOrder("pkg/app.py", "b");
        assertThat(contents.unpackedSize()).isEqualTo(8);
    }

    @Test
    void refusesEntriesEscapingTheRoot() {
        for (String name : new String[] { "../evil", "a/../../evil", "/etc/passwd", "C:/x", "a\\..\\b", "./a" }) {
            assertThatExceptionOfType(InvalidCodeException.class)
                .isThrownBy(() -> inspect(Zips.zip().file(name, "x")))
                .withMessageContaining("not a plain relative path");
        }
    }

    @Test
    void refusesSymbolicLinks() {
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> inspect(Zips.zip().symlink("link", "/etc/passwd")))
            .withMessageContaining("symbolic link");
    }

    @Test
    void refusesMalformedBytes() {
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> inspect("this is not a zip".getBytes()))
            .withMessageContaining("not a valid zip");
    }

    @Test
    void refusesTruncatedZip() {
        byte[] zip = Zips.zip().file("app.py", "x".repeat(500)).bytes();
        byte[] truncated = java.util.Arrays.copyOf(zip, zip.length / 2);
        assertThatExceptionOfType(InvalidCodeException.class).isThrownBy(() -> inspect(truncated));
    }

    @Test
    void refusesUnpackedSizeOverTheLimitWhileReading() {
        assertThatExceptionOfType(CodeTooLargeException.class)
            .isThrownBy(() -> inspect(Zips.zip().file("a", "x".repeat(600)).file("b", "y".repeat(600))))
            .withMessageContaining("more than 1024 bytes");
    }

    @Test
    void refusesTooManyEntries() {
        Zips zip = Zips.zip();
        for (int i = 0; i <= 10; i++) {
            zip.file("f" + i, "");
        }
        assertThatExceptionOfType(CodeTooLargeException.class).isThrownBy(() -> inspect(zip))
            .withMessageContaining("more than 10 entries");
    }

    @Test
    void refusesDuplicateEntries() {
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> inspect(Zips.zip().file("a", "1").file("a", "2")))
            .withMessageContaining("appears twice");
    }

    @Test
    void refusesAFileThatIsAlsoADirectory() {
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> inspect(Zips.zip().file("a", "1").file("a/b", "2")))
            .withMessageContaining("both a file and a directory");
    }

    private CodeContents inspect(Zips zip) throws IOException {
        return inspect(zip.bytes());
    }

    private CodeContents inspect(byte[] bytes) throws IOException {
        Path file = Files.write(this.directory.resolve("code.zip"), bytes);
        return this.inspector.inspect(file);
    }
}
