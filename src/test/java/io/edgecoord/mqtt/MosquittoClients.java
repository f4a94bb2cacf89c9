package io.edgecoord.mqtt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code mosquitto_pub} and {@code mosquitto_sub}, run as independent clients of a broker
 * on loopback. Where they are not installed a test is skipped, but under {@code CI=true} it fails
 * ({@code .ci/run} installs them).
 */
final class MosquittoClients {

    private MosquittoClients() {
    }

    /** Skips (or under CI fails) the calling test unless {@code tool} is installed. */
    static void require(String tool) {
        boolean found = Files.isExecutable(Path.of("/usr/bin", tool));
        if (!found && "true".equals(System.getenv("CI"))) {
            Assertions.fail(tool + " is not installed (Debian's mosquitto-clients); under CI=true this fails");
        }
        Assumptions.assumeTrue(found, tool + " is not installed (Debian's mosquitto-clients)");
    }

    /** What one run printed and how it ended. */
    record Run(int exitCode, String output) {
    }

    /** Runs {@code command}, waiting at most 20 s. */
    static Run run(List<String> command) throws IOException, InterruptedException {
        require(command.getFirst());
        Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail(command + " did not end within 20 s");
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The connection arguments of a key, for either tool. */
    static List<String> connection(int port, String id, String secret) {
        return List.of("-h", "127.0.0.1", "-p", Integer.toString(port), "-u", id, "-P", secret, "-V", "mqttv311");
    }
}
