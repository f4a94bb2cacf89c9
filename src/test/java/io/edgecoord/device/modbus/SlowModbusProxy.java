package io.edgecoord.device.modbus;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Modbus TCP gateway stand-in for tests: forwards every connection on a loopback port to a
 * real Modbus server, holds back the answers of chosen unit ids by a delay (a slow device
 * behind the gateway), and counts the requests in flight across all connections. The server
 * itself is never blocked, so what serialises requests is the client, which is what is
 * measured: {@link #maxInFlight()} above 1 means two requests were out at once.
 */
final class SlowModbusProxy implements AutoCloseable {

    private final ServerSocket listener;

    private final int upstream;

    private final Map<Integer, Long> delays = new ConcurrentHashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    private final AtomicInteger maxInFlight = new AtomicInteger();

    private final AtomicInteger connections = new AtomicInteger();

    SlowModbusProxy(int upstream) {
        this.upstream = upstream;
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Thread.ofVirtual().name("modbus-proxy").start(this::accept);
    }

    int port() {
        return this.listener.getLocalPort();
    }

    /** Holds every answer of the unit back by that many milliseconds (0: none). */
    void delay(int unit, long millis) {
        this.delays.put(unit, millis);
    }

    int maxInFlight() {
        return this.maxInFlight.get();
    }

    /** TCP connections opened through the proxy so far. */
    int connections() {
        return this.connections.get();
    }

    private void accept() {
        while (!this.listener.isClosed()) {
            try {
                Socket client = this.listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), this.upstream);
                this.connections.incrementAndGet();
                Thread.ofVirtual().start(() -> pump(client, server, true));
                Thread.ofVirtual().start(() -> pump(server, client, false));
            }
            catch (IOException ex) {
                return;
            }
        }
    }

    /** Copies whole Modbus TCP frames (7-byte MBAP header, then length − 1 bytes) one way. */
    private void pump(Socket from, Socket to, boolean requests) {
        try (from; to) {
            DataInputStream in = new DataInputStream(from.getInputStream());
            OutputStream out = to.getOutputStream();
            while (true) {
                byte[] header = new byte[7];
                in.readFully(header);
                int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
                // One write of the whole frame: pymodbus 3.0 drops a connection whose frame comes in two segments.
                byte[] frame = java.util.Arrays.copyOf(header, 6 + length);
                in.readFully(frame, 7, length - 1);
                int unit = header[6] & 0xFF;
                if (requests) {
                    this.maxInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
                }
                else {
                    long delay = this.delays.getOrDefault(unit, 0L);
                    if (delay > 0) {
                        Thread.sleep(delay);
                    }
                    this.inFlight.decrementAndGet();
                }
                out.write(frame);
                out.flush();
            }
        }
        catch (IOException ex) {
            // A side closed the connection: so does the proxy (the try closes both sockets).
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            this.listener.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
