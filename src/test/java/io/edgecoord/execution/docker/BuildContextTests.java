package io.edgecoord.execution.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class BuildContextTests {

    private final PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

    @Test
    void laysOutTheRuntimeAtTheRootAndCommonUnderCommon() {
        var context = BuildContext.read(resolver, "build-context-test", "sample");

        assertThat(context.files()).containsOnlyKeys("Dockerfile", "bootstrap", "bin/tool", "lib/start.sh",
                "lib/data.txt", "common/forward.sh", "common/README.txt");
    }

    @Test
    void tarKeepsBootstrapsScriptsAndBinExecutable() throws IOException {
        var modes = tarModes(BuildContext.read(resolver, "build-context-test", "sample").tar());

        assertThat(modes).containsEntry("bootstrap", 0755).containsEntry("bin/tool", 0755)
                .containsEntry("lib/start.sh", 0755).containsEntry("common/forward.sh", 0755)
                .containsEntry("Dockerfile", 0644).containsEntry("lib/data.txt", 0644)
                .containsEntry("common/README.txt", 0644);
    }

    @Test
    void tarHoldsTheFilesContentInNameOrder() throws IOException {
        byte[] tar = BuildContext.read(resolver, "build-context-test", "sample").tar();

        assertThat(List.copyOf(tarModes(tar).keySet())).isSorted();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.getName().equals("lib/data.txt")) {
                    assertThat(new String(in.readAllBytes())).isEqualTo("data\n");
                }
            }
        }
    }

    @Test
    void hashIsStableAndChangesWithContentOrBuildArguments() {
        var once = BuildContext.read(resolver, "build-context-test", "sample");
        var again = BuildContext.read(resolver, "build-context-test", "sample");
        var changed = new LinkedHashMap<>(once.files());
        changed.put("lib/data.txt", new BuildContext.File("other\n".getBytes(), 0644));

        assertThat(once.hash("BASE_IMAGE=a")).matches("[0-9a-f]{12}").isEqualTo(again.hash("BASE_IMAGE=a"));
        assertThat(once.tar()).isEqualTo(again.tar());
        assertThat(new BuildContext(changed).hash("BASE_IMAGE=a")).isNotEqualTo(once.hash("BASE_IMAGE=a"));
        assertThat(once.hash("BASE_IMAGE=b")).isNotEqualTo(once.hash("BASE_IMAGE=a"));
    }

    @Test
    void toleratesARuntimeWithoutCommonFolder() {
        var context = BuildContext.read(resolver, "runtimes", "test-shell");

        assertThat(context.files()).containsKey("Dockerfile");
        assertThat(context.files().keySet()).noneMatch(path -> path.startsWith("test-shell"));
    }

    @Test
    void rejectsRuntimesWithoutDockerfileOrWithOddNames() {
        assertThatThrownBy(() -> BuildContext.read(resolver, "build-context-test", "missing"))
                .isInstanceOf(UnknownRuntimeException.class).hasMessageContaining("'missing'");
        assertThatThrownBy(() -> BuildContext.read(resolver, "build-context-test", "../build-context-test/sample"))
                .isInstanceOf(UnknownRuntimeException.class);
        assertThatThrownBy(() -> BuildContext.read(resolver, "build-context-test", "common"))
                .isInstanceOf(UnknownRuntimeException.class);
    }

    @Test
    void treatsBootstrapScriptsAndBinAsExecutable() {
        assertThat(BuildContext.isExecutable("bootstrap")).isTrue();
        assertThat(BuildContext.isExecutable("common/bin/forwarder")).isTrue();
        assertThat(BuildContext.isExecutable("entry.sh")).isTrue();
        assertThat(BuildContext.isExecutable("Dockerfile")).isFalse();
        assertThat(BuildContext.isExecutable("binary.txt")).isFalse();
    }

    private static Map<String, Integer> tarModes(byte[] tar) throws IOException {
        Map<String, Integer> modes = new LinkedHashMap<>();
        try (var in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                modes.put(entry.getName(), entry.getMode() & 0777);
            }
        }
        return modes;
    }
}
