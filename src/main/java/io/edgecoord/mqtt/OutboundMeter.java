package io.edgecoord.mqtt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.mqtt.MqttPublishMessage;

/**
 * Counts the publishes the embedded broker writes to its clients, {@code edgecoord.mqtt.messages{direction=out}}
 * and {@code edgecoord.mqtt.bytes{direction=out}}: one handler, last in each client connection's pipeline,
 * where Moquette's messages pass before they are encoded.
 */
@ChannelHandler.Sharable
final class OutboundMeter extends ChannelOutboundHandlerAdapter {

    /** Its name in a connection's pipeline. */
    static final String NAME = "edgecoord-outbound-meter";

    private final Counter messages;
    private final Counter bytes;

    OutboundMeter(MeterRegistry registry) {
        this.messages = Counter.builder("edgecoord.mqtt.messages").tag("direction", "out")
                .description("MQTT messages the broker delivered to subscribers").register(registry);
        this.bytes = Counter.builder("edgecoord.mqtt.bytes").tag("direction", "out").baseUnit("bytes")
                .description("payload bytes of the MQTT messages delivered to subscribers").register(registry);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) throws Exception {
        if (message instanceof MqttPublishMessage publish) {
            messages.increment();
            bytes.increment(publish.payload().readableBytes());
        }
        super.write(context, message, promise);
    }
}
