package io.edgecoord.mqtt;

import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttConnectReturnCode;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;

import io.edgecoord.security.KeyVerifier;

/**
 * One client of the TLS front, until its CONNECT went to the broker: notes the certificate it
 * presented once the handshake is done, decides its first packet ({@link CertificateLogin}), then
 * connects to the broker's plain listener, sends the CONNECT (with a ticket as password when the
 * certificate logged a key in) and whatever the client sent after it, and hands both channels to
 * a {@link Relay}. Runs on the client channel's event loop, which the broker channel shares.
 */
class FrontConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(FrontConnection.class);

    private final Tickets tickets;
    private final KeyVerifier keys;
    private final BrokerMetrics metrics;
    private final InetSocketAddress broker;
    private final Duration connectWithin;
    /** The certificate's CN once the handshake is done; {@code null} while none was presented. */
    private String commonName;
    private boolean forwarding;
    private final List<Object> pending = new ArrayList<>();
    private ScheduledFuture<?> deadline;

    FrontConnection(Tickets tickets, KeyVerifier keys, BrokerMetrics metrics, InetSocketAddress broker,
            Duration connectWithin) {
        this.tickets = tickets;
        this.keys = keys;
        this.metrics = metrics;
        this.broker = broker;
        this.connectWithin = connectWithin;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        deadline = ctx.executor().schedule(() -> {
            log.info("MQTT TLS client {} closed: no CONNECT within {}", ctx.channel().remoteAddress(), connectWithin);
            ctx.close();
        }, connectWithin.toMillis(), TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                commonName = presentedName(ctx);
            }
            else if (done.cause() instanceof SSLException refused) {
                // An untrusted certificate, none where one is required, or no common protocol.
                metrics.refused("tls");
                log.info("MQTT TLS client {} refused in the TLS handshake: {}", ctx.channel().remoteAddress(),
                        refused.getMessage());
            }
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (forwarding) {
            pending.add(message);
            return;
        }
        if (!(message instanceof MqttConnectMessage connect) || connect.decoderResult().isFailure()) {
            log.info("MQTT TLS client {} closed: its first packet is no CONNECT the broker could read ({})",
                    ctx.channel().remoteAddress(), message);
            ReferenceCountUtil.release(message);
            ctx.close();
            return;
        }
        switch (CertificateLogin.decide(commonName, connect.payload().userName(), id -> keys.current(id).isPresent())) {
            case CertificateLogin.Unchanged unchanged -> forward(ctx, connect);
            case CertificateLogin.AsKey key -> forward(ctx, key.connect(connect, tickets.issue(key.keyId())));
            case CertificateLogin.Refused refused -> refuse(ctx, connect, refused.commonName());
        }
    }

    private void forward(ChannelHandlerContext ctx, MqttConnectMessage connect) {
        forwarding = true;
        Channel client = ctx.channel();
        client.config().setAutoRead(false);
        // What the decoder holds beyond the CONNECT comes back to channelRead as bytes, into pending.
        ctx.pipeline().remove(MqttDecoder.class);
        ChannelFuture connecting = new Bootstrap().group(client.eventLoop()).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(MqttEncoder.INSTANCE, new Relay(client));
                    }
                }).connect(broker);
        connecting.addListener((ChannelFutureListener) done -> relay(ctx, connect, done));
    }

    private void relay(ChannelHandlerContext ctx, MqttConnectMessage connect, ChannelFuture done) {
        deadline.cancel(false);
        Channel client = ctx.channel();
        if (!done.isSuccess()) {
            log.warn("MQTT TLS client {} closed: the broker's plain listener {} cannot be reached: {}",
                    client.remoteAddress(), broker, done.cause().toString());
            client.close();
            return;
        }
        Channel toBroker = done.channel();
        if (!client.isActive()) {
            toBroker.close();
            return;
        }
        log.info("MQTT TLS client {} (client id {}, certificate {}) is {} at the broker", client.remoteAddress(),
                connect.payload().clientIdentifier(), (commonName != null) ? "CN " + commonName : "none",
                toBroker.localAddress());
        toBroker.write(connect);
        pending.forEach(toBroker::write);
        pending.clear();
        toBroker.flush();
        ctx.pipeline().replace(this, "relay", new Relay(toBroker));
        client.config().setAutoRead(toBroker.isWritable());
    }

    private void refuse(ChannelHandlerContext ctx, MqttConnectMessage connect, String name) {
        deadline.cancel(false);
        metrics.refused("certificate");
        log.info("MQTT TLS client {} refused: its certificate's CN '{}' is no usable key id", ctx.channel().remoteAddress(),
                name);
        MqttConnectReturnCode code = (connect.variableHeader().version() >= 5)
                ? MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USERNAME_OR_PASSWORD
                : MqttConnectReturnCode.CONNECTION_REFUSED_BAD_USER_NAME_OR_PASSWORD;
        ctx.writeAndFlush(MqttMessageBuilders.connAck().returnCode(code).sessionPresent(false).build())
                .addListener(ChannelFutureListener.CLOSE);
    }

    private static String presentedName(ChannelHandlerContext ctx) {
        try {
            var chain = ctx.pipeline().get(SslHandler.class).engine().getSession().getPeerCertificates();
            return (chain.length > 0 && chain[0] instanceof X509Certificate leaf)
                    ? CertificateLogin.commonName(leaf.getSubjectX500Principal()) : null;
        }
        catch (SSLPeerUnverifiedException none) {
            return null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (deadline != null) {
            deadline.cancel(false);
        }
        pending.forEach(ReferenceCountUtil::release);
        pending.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Handshake failures are told by userEventTriggered; the rest are a client gone or garbled.
        log.debug("MQTT TLS client {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
