package io.edgecoord.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs of its own, for tests of a full disk: mounted by the test (which needs root, as
 * CI runs), filled and emptied with a balloon file. Without root it skips, and under
 * {@code CI=true} it fails: CI must prove what these tests prove.
 */
public final class TestTmpfs {

    private final Path mountPoint;

    private TestTmpfs(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    /** Mounts a new tmpfs of {@code megabytes} under {@code /tmp}. */
    public static TestTmpfs mount(int megabytes) throws IOException, InterruptedException {
        Path point = Files.createTempDirectory(Path.of("/tmp"), "ecfs");
        int exit = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", point.toString());
        if ("true".equals(System.getenv("CI"))) {
            assertThat(exit).as("mount -t tmpfs (CI runs as root)").isZero();
        }
        assumeTrue(exit == 0, "mounting a tmpfs needs root");
        return new TestTmpfs(point);
    }

    /** Where it is mounted. */
    public Path path() {
        return mountPoint;
    }

    /** Free bytes on it now. */
    public long free() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    /** Fills it until only {@code leaveBytes} are free (0: full), with a balloon file. */
    public void fillLeaving(long leaveBytes) throws IOException {
        Path balloon = mountPoint.resolve("balloon");
        long grow = Math.max(0, free() - leaveBytes);
        try (RandomAccessFile file = new RandomAccessFile(balloon.toFile(), "rw")) {
            byte[] chunk = new byte[64 * 1024];
            file.seek(file.length());
            while (grow > 0) {
                int n = (int) Math.min(chunk.length, grow);
                try {
                    file.write(chunk, 0, n);
                }
                catch (IOException full) {
                    return; // no space left: as full as it gets
                }
                grow -= n;
            }
        }
    }

    /** Lets the air out: the balloon file goes. */
    public void empty() throws IOException {
        Files.deleteIfExists(mountPoint.resolve("balloon"));
    }

    /** Unmounts it lazily (the coordinator under test may still hold files open). */
    public void unmount() throws IOException, InterruptedException {
        run("umount", "-l", mountPoint.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
