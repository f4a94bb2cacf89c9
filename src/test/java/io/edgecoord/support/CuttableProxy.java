package io.edgecoord.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unix socket that forwards every connection to another unix socket (the Docker engine's, say)
 * until it is {@link #cut}: then the socket file is gone and every open connection closed, as
 * when the engine stops, until {@link #restore}. Each connection is two virtual threads copying
 * bytes, one each way.
 */
public final class CuttableProxy implements AutoCloseable {

    private final Path listen;
    private final Path target;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocketChannel server;

    private CuttableProxy(Path listen, Path target) {
        this.listen = listen;
        this.target = target;
    }

    /** Listens on {@code listen} (replacing a stale file there) and forwards to {@code target}. */
    public static CuttableProxy start(Path listen, Path target) {
        CuttableProxy proxy = new CuttableProxy(listen, target);
        proxy.restore();
        return proxy;
    }

    /** The socket clients connect to. */
    public Path path() {
        return listen;
    }

    /** Removes the socket and closes every connection through it: new connections are refused. */
    public synchronized void cut() {
        ServerSocketChannel current = server;
        server = null;
        close(current);
        open.forEach(CuttableProxy::close);
        open.clear();
        try {
            Files.deleteIfExists(listen);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Listens again. */
    public synchronized void restore() {
        try {
            Files.deleteIfExists(listen);
            ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            channel.bind(UnixDomainSocketAddress.of(listen));
            server = channel;
            Thread.ofVirtual().name("proxy-accept").start(() -> accept(channel));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            try {
                SocketChannel client = channel.accept();
                SocketChannel upstream = SocketChannel.open(UnixDomainSocketAddress.of(target));
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> copy(client, upstream));
                Thread.ofVirtual().start(() -> copy(upstream, client));
            }
            catch (IOException closed) {
                // Cut: the server channel is closed; this thread ends with it.
            }
        }
    }

    private void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        }
        catch (IOException closed) {
            // One side went away (or the proxy was cut): close both below.
        }
        finally {
            close(from);
            close(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void close(java.nio.channels.Channel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        }
        catch (IOException ignored) {
            // Closing what is already broken: nothing more to do.
        }
    }
}
