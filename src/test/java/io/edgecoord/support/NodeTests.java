package io.edgecoord.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the Node.js parts of the tests in {@code src/test/node} (installed there by {@code npm ci},
 * as {@code .ci/run} does). Where Node.js or those packages are missing a test skips, but under
 * {@code CI=true} it fails: CI must prove what these tests prove.
 */
public final class NodeTests {

    /** The folder with {@code package.json} and, once installed, {@code node_modules}. */
    public static final Path FOLDER = Path.of("src/test/node").toAbsolutePath();

    private NodeTests() {
    }

    /** Skips (or, under CI, fails) unless {@code node} and the installed packages are there. */
    public static void require(String... extra) {
        List<String> missing = new ArrayList<>();
        if (!onPath("node")) {
            missing.add("node on PATH");
        }
        if (!Files.isDirectory(FOLDER.resolve("node_modules"))) {
            missing.add(FOLDER.resolve("node_modules") + " (run npm ci there)");
        }
        for (String file : extra) {
            if (!Files.exists(Path.of(file))) {
                missing.add(file);
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            assertThat(missing).as("what this test needs under CI=true").isEmpty();
        }
        assumeTrue(missing.isEmpty(), () -> "missing: " + missing);
    }

    /** Runs {@code command} in {@link #FOLDER}; its standard output, or a failure with both outputs. */
    public static String run(long timeoutSeconds, String... command) {
        try {
            Path out = Files.createTempFile("ec-node", ".out");
            Path err = Files.createTempFile("ec-node", ".err");
            Process process = new ProcessBuilder(command).directory(FOLDER.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8);
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            Files.delete(out);
            Files.delete(err);
            assertThat(ended && process.exitValue() == 0)
                    .as("%s %s%nstdout:%n%s%nstderr:%n%s", String.join(" ", command),
                            ended ? "exited " + process.exitValue() : "timed out", stdout, stderr)
                    .isTrue();
            return stdout;
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not run " + String.join(" ", command), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
