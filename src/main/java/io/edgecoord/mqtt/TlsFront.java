package io.edgecoord.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;

import io.edgecoord.security.KeyVerifier;

/**
 * The embedded broker's TLS listener: a Netty server of ours in front of Moquette's plain one,
 * since Moquette's authenticator never sees the TLS session. It terminates TLS with the SSL
 * bundle, reads the client certificate, rewrites the first packet (CONNECT) as
 * {@link CertificateLogin} decides, and relays every byte after it to the plain listener as it is.
 * Moquette therefore sees TLS clients as connections from loopback (or its own address); their
 * real address is logged here. Holds at most {@code max-connections} clients at once.
 */
class TlsFront {

    private static final Logger log = LoggerFactory.getLogger(TlsFront.class);

    /** How long a client has for the handshake and its CONNECT, as long as Moquette gives it on 1883. */
    static final Duration CONNECT_WITHIN = Duration.ofSeconds(10);

    private final SslContext tls;
    private final Tickets tickets;
    private final KeyVerifier keys;
    private final BrokerMetrics metrics;
    private final MqttProperties properties;
    private final AtomicInteger open = new AtomicInteger();
    private volatile EventLoopGroup group;
    private volatile Channel server;

    TlsFront(SslContext tls, Tickets tickets, KeyVerifier keys, BrokerMetrics metrics, MqttProperties properties) {
        this.tls = tls;
        this.tickets = tickets;
        this.keys = keys;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Listens on {@code tls.port} of the broker's host, relaying to the plain listener on {@code brokerPort}; the port bound. */
    synchronized int start(int brokerPort) {
        InetSocketAddress broker = brokerAddress(brokerPort);
        EventLoopGroup loops = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("mqtt-tls"),
                NioIoHandler.newFactory());
        ChannelFuture bound = new ServerBootstrap().group(loops).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        accept(channel, broker);
                    }
                }).bind(properties.host(), properties.tls().port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new UncheckedIOException("The MQTT broker's TLS listener could not listen on " + properties.host() + ":"
                    + properties.tls().port() + ": " + bound.cause().getMessage(),
                    (bound.cause() instanceof IOException io) ? io : new IOException(bound.cause()));
        }
        this.group = loops;
        this.server = bound.channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private void accept(SocketChannel channel, InetSocketAddress broker) {
        if (open.incrementAndGet() > properties.maxConnections()) {
            open.decrementAndGet();
            log.warn("MQTT TLS client {} refused: {} clients are connected to the TLS listener, the most allowed "
                    + "(edgecoord.mqtt.max-connections)", channel.remoteAddress(), properties.maxConnections());
            metrics.refused("connections");
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> open.decrementAndGet());
        channel.pipeline().addLast(tls.newHandler(channel.alloc()), MqttEncoder.INSTANCE,
                new MqttDecoder(properties.maxMessageBytes()),
                new FrontConnection(tickets, keys, metrics, broker, CONNECT_WITHIN));
    }

    /** The plain listener as seen from here: loopback when it listens on every address. */
    private InetSocketAddress brokerAddress(int port) {
        try {
            InetAddress host = InetAddress.getByName(properties.host());
            return new InetSocketAddress(host.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : host, port);
        }
        catch (UnknownHostException ex) {
            throw new UncheckedIOException("The MQTT broker's host " + properties.host() + " is unknown", ex);
        }
    }

    synchronized void stop() {
        Channel listening = server;
        EventLoopGroup loops = group;
        server = null;
        group = null;
        if (listening != null) {
            listening.close().awaitUninterruptibly();
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
