package io.edgecoord.mqtt;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.ClientDescriptor;
import io.moquette.broker.InMemoryQueue;
import io.moquette.broker.MemoryQueueRepository;
import io.moquette.broker.Server;
import io.moquette.broker.SessionMessageQueue;
import io.moquette.broker.SessionRegistry.EnqueuedMessage;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/**
 * Bounds what Moquette 0.17 holds for subscribers and meters what it delivers to them, neither of
 * which it can do itself. Every session's queue becomes a {@link SubscriberQueue} (oldest dropped
 * past its bounds); past {@code max-persistent-sessions} the persistent session away longest is
 * purged; every client connection gets the {@link OutboundMeter}. Moquette has no hook for these, so
 * this reaches into it ({@link MoquetteInternals}): {@link #install} when the broker starts, for the
 * queues of persistent sessions, and {@link #bound} when a client subscribes, for a clean session's
 * queue, which Moquette makes outside its repository. Both run where nothing is queued yet: a
 * session's first subscription is made on the session loop that later fills its queue.
 */
final class BrokerSessions extends AbstractInterceptHandler {

    private static final Logger log = LoggerFactory.getLogger(BrokerSessions.class);

    private final int maxMessages;
    private final long maxBytes;
    private final int maxPersistentSessions;
    private final BrokerMetrics metrics;
    private final Clock clock;
    /** When each persistent session last connected or went away, for choosing whom to evict. */
    private final Map<String, Instant> seen = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();
    private volatile Server server;
    private volatile Object registry;
    private volatile Map<String, ?> sessions = Map.of();
    private volatile Map<String, ?> persistent = Map.of();

    BrokerSessions(MqttProperties properties, BrokerMetrics metrics, Clock clock) {
        this.maxMessages = properties.maxQueuedMessages();
        this.maxBytes = properties.maxQueuedBytes();
        this.maxPersistentSessions = properties.maxPersistentSessions();
        this.metrics = metrics;
        this.clock = clock;
        metrics.persistentSessions(() -> persistent.size());
    }

    /** Takes over the queues of the persistent sessions of a broker just started. */
    void install(Server started) {
        Object registry = MoquetteInternals.SERVER_SESSIONS.get(started);
        Object repository = MoquetteInternals.REGISTRY_QUEUES.get(registry);
        if (!(repository instanceof MemoryQueueRepository)) {
            throw new IllegalStateException("Moquette's session queues are kept in a " + repository.getClass().getName()
                    + ", not in memory: edgecoord can bound only the in-memory ones");
        }
        @SuppressWarnings("unchecked")
        Map<String, SessionMessageQueue<EnqueuedMessage>> before =
                (Map<String, SessionMessageQueue<EnqueuedMessage>>) MoquetteInternals.REPOSITORY_QUEUES.get(repository);
        PersistentQueues queues = new PersistentQueues();
        queues.putAll(before);
        MoquetteInternals.REPOSITORY_QUEUES.set(repository, queues);
        this.sessions = (Map<String, ?>) MoquetteInternals.REGISTRY_POOL.get(registry);
        this.persistent = queues;
        this.server = started;
        this.registry = registry;
        seen.clear();
    }

    /**
     * Bounds the queue of a client's session and meters its connection, if not yet done: called on the
     * session's own loop when it subscribes.
     */
    void bound(String clientId) {
        Object session = sessions.get(clientId);
        if (session != null) {
            bound(clientId, MoquetteInternals.SESSION_QUEUE.get(session));
            meter(session);
        }
    }

    /** Puts the outbound meter last in the pipeline of the session's connection, if it has one. */
    private void meter(Object session) {
        Object connection = MoquetteInternals.SESSION_CONNECTION.get(session);
        if (connection != null) {
            ChannelPipeline pipeline = ((Channel) MoquetteInternals.CONNECTION_CHANNEL.get(connection)).pipeline();
            if (pipeline.get(OutboundMeter.NAME) == null) {
                try {
                    pipeline.addLast(OutboundMeter.NAME, metrics.outbound());
                }
                catch (IllegalArgumentException alreadyThere) { // added meanwhile, by the other hook
                }
            }
        }
    }

    private void bound(String clientId, Object queue) {
        if (queue instanceof InMemoryQueue moquettes) {
            Object inner = MoquetteInternals.QUEUE_MESSAGES.get(moquettes);
            if (!(inner instanceof SubscriberQueue)) {
                SubscriberQueue bounded = new SubscriberQueue(clientId, maxMessages, maxBytes, this::dropped);
                @SuppressWarnings("unchecked")
                Queue<EnqueuedMessage> waiting = (Queue<EnqueuedMessage>) inner;
                for (EnqueuedMessage message = waiting.poll(); message != null; message = waiting.poll()) {
                    bounded.offer(message);
                }
                MoquetteInternals.QUEUE_MESSAGES.set(moquettes, bounded);
            }
        }
    }

    private void dropped(String clientId, int messages) {
        metrics.dropped("subscriber-queue-full", messages);
        if (warned.add(clientId)) {
            log.warn("MQTT client {} does not keep up: the oldest of its queued messages are dropped past {} messages"
                    + " or {} bytes (edgecoord.mqtt.max-queued-messages, max-queued-bytes); counted in"
                    + " edgecoord.mqtt.dropped", clientId, maxMessages, maxBytes);
        }
    }

    /** Purges the persistent session away longest, other than {@code keep}, when there are too many. */
    private void evictPastBound(String keep) {
        Server running = this.server;
        if (running == null || persistent.size() <= maxPersistentSessions) {
            return;
        }
        Set<String> connected = running.listConnectedClients().stream().map(ClientDescriptor::getClientID)
                .collect(Collectors.toSet());
        persistent.keySet().stream().filter(id -> !id.equals(keep) && !connected.contains(id))
                .min(Comparator.comparing(id -> seen.getOrDefault(id, Instant.MIN)))
                .ifPresentOrElse(this::purge, () -> log.warn("{} persistent MQTT sessions, more than {}, and all"
                        + " connected: none purged", persistent.size(), maxPersistentSessions));
    }

    /**
     * Purges a client's session as Moquette does when the client connects clean, on its session loop,
     * if the client is still away. Moquette's own {@code disconnectAndPurgeClientState} fails on a
     * session without a connection (0.17).
     */
    private void purge(String clientId) {
        Callable<String> purge = () -> {
            try {
                return purgeNow(clientId);
            }
            catch (Throwable ex) {
                log.warn("MQTT persistent session of {} could not be purged: {}", clientId, ex.toString());
                return "failed";
            }
        };
        try {
            MoquetteInternals.LOOPS_ROUTE.invoke(MoquetteInternals.REGISTRY_LOOPS.get(registry), clientId, "evict persistent session", purge);
        }
        catch (Throwable ex) {
            log.warn("MQTT persistent session of {} could not be purged: {}", clientId, ex.toString());
        }
    }

    private String purgeNow(String clientId) throws Throwable {
        Object session = sessions.get(clientId);
        if (session == null || !(boolean) MoquetteInternals.SESSION_DISCONNECTED.invoke(session)) {
            return "kept";
        }
        int lost = (MoquetteInternals.SESSION_QUEUE.get(session) instanceof InMemoryQueue moquettes
                && MoquetteInternals.QUEUE_MESSAGES.get(moquettes) instanceof SubscriberQueue messages) ? messages.size() : 0;
        MoquetteInternals.REGISTRY_PURGE.invoke(registry, session);
        metrics.dropped("session-evicted", lost);
        log.warn("MQTT persistent session of {} purged, with its {} queued messages: more than {} persistent sessions"
                + " (edgecoord.mqtt.max-persistent-sessions)", clientId, lost, maxPersistentSessions);
        return "purged";
    }

    @Override
    public String getID() {
        return "edgecoord-session-queues";
    }

    /**
     * Meters the new connection, for a persistent session that resumes without subscribing (its first
     * queued messages may pass before this runs), and notes when a persistent session was last seen.
     */
    @Override
    public void onConnect(InterceptConnectMessage message) {
        if (!message.isCleanSession()) {
            seen.put(message.getClientID(), clock.instant());
        }
        Object session = sessions.get(message.getClientID());
        if (session != null) {
            meter(session);
        }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage message) {
        away(message.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage message) {
        away(message.getClientID());
    }

    /** Notes when a persistent session went away; a clean client's warning is forgotten with it. */
    private void away(String clientId) {
        seen.computeIfPresent(clientId, (id, then) -> clock.instant());
        warned.remove(clientId);
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        // BrokerMetrics counts these.
    }

    /** Moquette's map of persistent sessions' queues, bounding each queue it is given. */
    private final class PersistentQueues extends ConcurrentHashMap<String, SessionMessageQueue<EnqueuedMessage>> {

        @Override
        public SessionMessageQueue<EnqueuedMessage> put(String clientId, SessionMessageQueue<EnqueuedMessage> queue) {
            bound(clientId, queue);
            SessionMessageQueue<EnqueuedMessage> before = super.put(clientId, queue);
            seen.put(clientId, clock.instant());
            if (size() > maxPersistentSessions) {
                // Not on this session loop: purging another session must not wait on it.
                Thread.ofVirtual().name("mqtt-session-evict").start(() -> evictPastBound(clientId));
            }
            return before;
        }

        @Override
        public SessionMessageQueue<EnqueuedMessage> remove(Object clientId) {
            seen.remove(clientId);
            warned.remove(clientId);
            return super.remove(clientId);
        }
    }
}
