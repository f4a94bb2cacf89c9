package io.edgecoord.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CodeStagerTests {

    @TempDir
    Path dataDirectory;

    private CodeStager stager() {
        TaskProperties properties = new TaskProperties(DataSize.ofKilobytes(4), DataSize.ofKilobytes(64), 100,
                TaskProperties.Retention.DEFAULTS);
        return new CodeStager(new ArtifactStore(this.dataDirectory), properties);
    }

    @Test
    void storesInlinePythonUnderTheHandlersModulePath() {
        try (StagedCode staged = stager().stage(settings("python3.11", "pkg.app.handler"),
                new CodeUpload.Inline("def handler(e, c): return e", null))) {
            assertThat(files(staged)).containsExactly("pkg/app.py");
        }
    }

    @Test
    void storesInlineProvidedCodeAsBootstrap() {
        try (StagedCode staged = stager().stage(settings("provided", null),
                new CodeUpload.Inline("#!/bin/sh\necho hi", null))) {
            assertThat(files(staged)).containsExactly("bootstrap");
        }
    }

    @Test
    void packsIdenticalInlineCodeToIdenticalBytes() {
        CodeStager stager = stager();
        TaskSettings settings = settings("provided", null);
        try (StagedCode first = stager.stage(settings, new CodeUpload.Inline("echo", null));
                StagedCode second = stager.stage(settings, new CodeUpload.Inline("echo", null))) {
            assertThat(first.sha256()).isEqualTo(second.sha256()).hasSize(64);
            assertThat(first.file()).isNotEqualTo(second.file());
        }
    }

    @Test
    void refusesInlineJava() {
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> stager().stage(settings("java17", "example.Hello"), new CodeUpload.Inline("class", null)))
            .withMessageContaining("java17 needs a jar or zip");
    }

    @Test
    void placesAJavaJarUnderLib() {
        byte[] jar = Zips.zip().file("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n").bytes();
        try (StagedCode staged = stager().stage(settings("java17", "example.Hello::handle"),
                new CodeUpload.Archive(new ByteArrayResource(jar), "hello.jar"))) {
            assertThat(files(staged)).containsExactly("lib/task.jar");
        }
    }

    @Test
    void keepsAZipAsItIs() throws IOException {
        byte[] zip = Zips.zip().executable("bootstrap", "#!/bin/sh").bytes();
        try (StagedCode staged = stager().stage(settings("provided", null),
                new CodeUpload.Archive(new ByteArrayResource(zip), "code.zip"))) {
            assertThat(Files.readAllBytes(staged.file())).isEqualTo(zip);
        }
    }

    @Test
    void refusesCodeOverTheCompressedLimitAndLeavesNothingBehind() throws IOException {
        byte[] random = new byte[8 * 1024];
        new java.util.Random(1).nextBytes(random);
        byte[] zip = Zips.zip().file("bootstrap", random, 0100755).bytes();
        assertThatExceptionOfType(CodeTooLargeException.class)
            .isThrownBy(() -> stager().stage(settings("provided", null),
                    new CodeUpload.Archive(new ByteArrayResource(zip), null)))
            .withMessageContaining("larger than 4096 bytes");
        try (var staging = Files.list(this.dataDirectory.resolve("artifacts/tmp"))) {
            assertThat(staging).isEmpty();
        }
    }

    @Test
    void refusesProvidedCodeWithoutBootstrapAndLeavesNothingBehind() throws IOException {
        byte[] zip = Zips.zip().file("main.sh", "echo").bytes();
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> stager().stage(settings("provided", null),
                    new CodeUpload.Archive(new ByteArrayResource(zip), null)))
            .withMessageContaining("bootstrap");
        try (var staging = Files.list(this.dataDirectory.resolve("artifacts/tmp"))) {
            assertThat(staging).isEmpty();
        }
    }

    private Set<String> files(StagedCode staged) {
        return new CodeArchiveInspector(Long.MAX_VALUE, 100).inspect(staged.file()).files();
    }

    private static TaskSettings settings(String runtime, String handler) {
        return TaskSettings.of(TaskSettingsTests.request(runtime, handler, null));
    }
}
