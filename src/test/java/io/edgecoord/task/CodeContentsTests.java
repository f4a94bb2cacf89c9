package io.edgecoord.task;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class CodeContentsTests {

    @Test
    void providedNeedsBootstrapAtTheRoot() {
        TaskSettings provided = settings("provided", null);
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> contents("bin/bootstrap").requireEntryPoint(provided))
            .withMessageContaining("bootstrap");
        assertThatNoException().isThrownBy(() -> contents("bootstrap").requireEntryPoint(provided));
    }

    @Test
    void pythonNeedsTheHandlersModuleFile() {
        TaskSettings python = settings("python3.11", "pkg.app.handler");
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> contents("app.py").requireEntryPoint(python))
            .withMessageContaining("pkg/app.py");
        assertThatNoException().isThrownBy(() -> contents("pkg/app.py").requireEntryPoint(python));
    }

    @Test
    void javaNeedsTheHandlerClassOrAJarUnderLib() {
        TaskSettings java = settings("java17", "example.Hello::handle");
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> contents("Hello.class").requireEntryPoint(java));
        assertThatNoException().isThrownBy(() -> contents("example/Hello.class").requireEntryPoint(java));
        assertThatNoException().isThrownBy(() -> contents("lib/task.jar").requireEntryPoint(java));
    }

    @Test
    void nodeNeedsTheHandlersFileWithAnyOfItsExtensions() {
        TaskSettings node = settings("nodejs18.x", "lib/index.handler");
        assertThatExceptionOfType(InvalidCodeException.class)
            .isThrownBy(() -> contents("index.js").requireEntryPoint(node))
            .withMessageContaining("lib/index.js, lib/index.mjs, lib/index.cjs");
        assertThatNoException().isThrownBy(() -> contents("lib/index.js").requireEntryPoint(node));
        assertThatNoException().isThrownBy(() -> contents("lib/index.mjs").requireEntryPoint(node));
    }

    private static CodeContents contents(String... files) {
        return new CodeContents(Set.of(files), 0);
    }

    private static TaskSettings settings(String runtime, String handler) {
        return TaskSettings.of(TaskSettingsTests.request(runtime, handler, null));
    }
}
