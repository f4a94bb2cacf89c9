package io.edgecoord.mqtt;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code mosquitto} broker, started by a test on a free loopback port with a generated
 * configuration (anonymous clients allowed, nothing persisted) and stopped by it. Where it is not
 * installed a test is skipped, but under {@code CI=true} it fails.
 */
final class TestMosquitto implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final int port;
    private final Path config;
    private Process process;

    private TestMosquitto(int port, Path config) {
        this.port = port;
        this.config = config;
    }

    /** Starts a broker with {@code extra} configuration lines on its listener. */
    static TestMosquitto start(String... extra) throws IOException, InterruptedException {
        require();
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path config = Files.createTempFile("mosquitto", ".conf");
        StringBuilder text = new StringBuilder("listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        if (java.util.Arrays.stream(extra).noneMatch(line -> line.startsWith("persistence"))) {
            text.append("persistence false\n");
        }
        for (String line : extra) {
            text.append(line).append('\n');
        }
        Files.writeString(config, text);
        TestMosquitto broker = new TestMosquitto(port, config);
        broker.resume();
        return broker;
    }

    static void require() {
        boolean found = Files.isExecutable(BINARY);
        if (!found && "true".equals(System.getenv("CI"))) {
            Assertions.fail("mosquitto is not installed (Debian's mosquitto); under CI=true this fails");
        }
        Assumptions.assumeTrue(found, "mosquitto is not installed (Debian's mosquitto)");
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    /** Starts the broker (again) on the same port and waits until it listens. */
    void resume() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of(BINARY.toString(), "-c", config.toString())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            }
            catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        Assertions.fail("mosquitto did not listen on " + port + " within 10 s");
    }

    /** Stops the broker, as an outage would. */
    void pause() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        pause();
        Files.deleteIfExists(config);
    }
}
