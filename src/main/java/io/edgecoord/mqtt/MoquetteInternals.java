package io.edgecoord.mqtt;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentMap;

import io.moquette.broker.IQueueRepository;
import io.moquette.broker.InMemoryQueue;
import io.moquette.broker.MemoryQueueRepository;
import io.moquette.broker.Server;
import io.moquette.broker.SessionMessageQueue;
import io.moquette.broker.SessionRegistry;
import io.netty.channel.Channel;

/**
 * The fields and methods of Moquette 0.17 that {@link BrokerSessions} reaches, found once, so that a
 * Moquette which moved one fails the broker's first start, naming it. Final fields are only read.
 */
final class MoquetteInternals {

    static final VarHandle SERVER_SESSIONS = field(Server.class, "sessions", SessionRegistry.class);
    static final VarHandle REGISTRY_QUEUES = field(SessionRegistry.class, "queueRepository",
            IQueueRepository.class);
    static final VarHandle REGISTRY_POOL = field(SessionRegistry.class, "pool",
            ConcurrentMap.class);
    static final VarHandle REPOSITORY_QUEUES = field(MemoryQueueRepository.class, "queues", Map.class);
    static final VarHandle QUEUE_MESSAGES = field(InMemoryQueue.class, "queue", Queue.class);
    static final VarHandle SESSION_QUEUE = field(session(), "sessionQueue", SessionMessageQueue.class);
    static final VarHandle SESSION_CONNECTION = field(session(), "mqttConnection",
            type("io.moquette.broker.MQTTConnection"));
    static final VarHandle CONNECTION_CHANNEL = field(type("io.moquette.broker.MQTTConnection"), "channel",
            Channel.class);
    static final VarHandle REGISTRY_LOOPS = field(SessionRegistry.class, "loopsGroup", loops());
    static final MethodHandle SESSION_DISCONNECTED = method(session(), "disconnected",
            MethodType.methodType(boolean.class));
    static final MethodHandle REGISTRY_PURGE = method(SessionRegistry.class, "purgeSessionState",
            MethodType.methodType(void.class, session()));
    static final MethodHandle LOOPS_ROUTE = method(loops(), "routeCommand",
            MethodType.methodType(type("io.moquette.broker.PostOffice$RouteResult"), String.class, String.class, Callable.class));

    private MoquetteInternals() {
    }

    private static Class<?> session() {
        return type("io.moquette.broker.Session");
    }

    private static Class<?> loops() {
        return type("io.moquette.broker.SessionEventLoopGroup");
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        }
        catch (ClassNotFoundException ex) {
            throw moved(name, ex);
        }
    }

    private static MethodHandle method(Class<?> owner, String name, MethodType type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVirtual(owner, name, type);
        }
        catch (ReflectiveOperationException ex) {
            throw moved(owner.getName() + "." + name + "()", ex);
        }
    }

    private static VarHandle field(Class<?> owner, String name, Class<?> type) {
        try {
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findVarHandle(owner, name, type);
        }
        catch (ReflectiveOperationException ex) {
            throw moved(owner.getName() + "." + name, ex);
        }
    }

    private static IllegalStateException moved(String what, Exception cause) {
        return new IllegalStateException("Moquette's " + what + " is not where Moquette 0.17 keeps it: edgecoord's"
                + " bounded MQTT session queues need Moquette 0.17", cause);
    }
}
