package io.edgecoord.device.modbus;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real Modbus TCP server for tests: Debian's pymodbus running {@code modbus/modbus_server.py}
 * on 127.0.0.1 and a free port, its registers set and read over the script's stdin. Without
 * pymodbus the test is skipped, or fails under {@code CI=true}.
 */
public final class ModbusServer implements AutoCloseable {

    private final String units;

    private final int port;

    private Process process;

    private Writer commands;

    private BufferedReader answers;

    private ModbusServer(String units, int port) {
        this.units = units;
        this.port = port;
    }

    /** Starts a server for the given unit ids on a free loopback port. */
    public static ModbusServer start(int... units) {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        ModbusServer server = new ModbusServer(String.join(",", Arrays.stream(units).mapToObj(String::valueOf).toList()),
                port);
        server.restart();
        return server;
    }

    public int port() {
        return this.port;
    }

    /** Sets registers (or bits) from {@code address} on; {@code table} is hr, ir, co or di. */
    void set(int unit, String table, int address, int... values) {
        send("set " + unit + " " + table + " " + address + " "
                + String.join(" ", Arrays.stream(values).mapToObj(String::valueOf).toList()));
    }

    int[] get(int unit, String table, int address, int count) {
        String answer = send("get " + unit + " " + table + " " + address + " " + count);
        return Arrays.stream(answer.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    /** Read requests served for the unit since the server started. */
    int reads(int unit) {
        return Integer.parseInt(send("reads " + unit).trim());
    }

    int connections() {
        return Integer.parseInt(send("connections").trim());
    }

    /** Makes the unit's reads fail, so that the server answers SERVER DEVICE FAILURE (0x04). */
    void fail(int unit, boolean failing) {
        send("fail " + unit + " " + (failing ? "on" : "off"));
    }

    /** Makes every request wait that long, blocking the server as a slow device does. */
    void delay(double seconds) {
        send("delay " + seconds);
    }

    /** Stops the server: the device goes away, its registers with it. */
    void stop() {
        if (this.process != null) {
            this.process.destroy();
            try {
                this.process.waitFor(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.process.destroyForcibly();
            this.process = null;
        }
    }

    /** Starts the server again on the same port, with zeroed registers. */
    void restart() {
        stop();
        String python = python();
        try {
            Path script = Files.createTempFile("modbus_server", ".py");
            script.toFile().deleteOnExit();
            try (var in = ModbusServer.class.getResourceAsStream("/modbus/modbus_server.py")) {
                Files.write(script, in.readAllBytes());
            }
            Path errors = Files.createTempFile("modbus_server", ".err");
            errors.toFile().deleteOnExit();
            this.process = new ProcessBuilder(python, script.toString(), String.valueOf(this.port), this.units)
                .redirectError(errors.toFile())
                .start();
            this.commands = new java.io.OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
            this.answers = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
            String line = this.answers.readLine();
            if (!"listening".equals(line)) {
                this.process.waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException("the Modbus server did not start: " + line + "; its stderr: "
                        + Files.readString(errors, StandardCharsets.UTF_8).strip());
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the Modbus server started", ex);
        }
    }

    private synchronized String send(String command) {
        try {
            this.commands.write(command + "\n");
            this.commands.flush();
            String answer = this.answers.readLine();
            if (answer == null || !answer.startsWith("ok")) {
                throw new IllegalStateException(command + " answered " + answer);
            }
            return answer.substring(2);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A Python that imports pymodbus's server: Debian's first, since another python3 may come first on PATH. */
    private static String python() {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process probe = new ProcessBuilder(candidate, "-c", "import pymodbus.server").redirectErrorStream(true)
                    .start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return candidate;
                }
            }
            catch (IOException ex) {
                // Not installed there: try the next.
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        String problem = "pymodbus's server cannot be imported (apt-get install python3-pymodbus python3-serial-asyncio)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(problem + "; under CI=true the Modbus tests must run");
        }
        Assumptions.abort(problem);
        return null;
    }

    @Override
    public void close() {
        stop();
    }
}
