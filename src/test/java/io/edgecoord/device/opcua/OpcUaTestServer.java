package io.edgecoord.device.opcua;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.Session;
import org.eclipse.milo.opcua.sdk.server.SessionListener;
import org.eclipse.milo.opcua.sdk.server.api.services.AttributeServices.ReadContext;
import org.eclipse.milo.opcua.sdk.server.api.DataItem;
import org.eclipse.milo.opcua.sdk.server.api.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.api.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig;
import org.eclipse.milo.opcua.sdk.server.identity.UsernameIdentityValidator;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.Identifiers;
import org.eclipse.milo.opcua.stack.core.security.DefaultCertificateManager;
import org.eclipse.milo.opcua.stack.core.security.DefaultTrustListManager;
import org.eclipse.milo.opcua.stack.core.security.SecurityPolicy;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.ByteString;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.ULong;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.stack.core.types.enumerated.MessageSecurityMode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.eclipse.milo.opcua.stack.core.types.structured.BuildInfo;
import org.eclipse.milo.opcua.stack.core.types.structured.ReadValueId;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.eclipse.milo.opcua.stack.server.EndpointConfiguration;
import org.eclipse.milo.opcua.stack.server.security.ServerCertificateValidator;

import static org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig.USER_TOKEN_POLICY_ANONYMOUS;
import static org.eclipse.milo.opcua.sdk.server.api.config.OpcUaServerConfig.USER_TOKEN_POLICY_USERNAME;

/**
 * A real OPC UA server for tests: Eclipse Milo's SDK server on 127.0.0.1 and a free port, with
 * endpoints None/None and Basic256Sha256/SignAndEncrypt, anonymous and user {@code operator} /
 * {@code secret}, and variables in namespace {@code urn:edgecoord:test} (ns=2): {@code Temperature}
 * (Double), {@code Speed} (Float, writable), {@code Count} (Int32, writable), {@code Running}
 * (Boolean), {@code Name} (String), {@code Total} (UInt64, writable), {@code Blob} (ByteString,
 * writable), {@code Levels} (Int16 array, writable), {@code Temps} (Float array), {@code Flags}
 * (Boolean array, writable). Reads of chosen nodes can be answered slowly ({@link #delay}).
 */
final class OpcUaTestServer implements AutoCloseable {

    static final String PATH = "/test";

    private final OpcUaServer server;

    private final Nodes nodes;

    private final int port;

    private final X509Certificate certificate;

    private final SlowOpcUaReads reads = new SlowOpcUaReads();

    private final AtomicInteger sessionsCreated = new AtomicInteger();

    private OpcUaTestServer(int port) throws Exception {
        this.port = port;
        KeyPair pair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
        this.certificate = new SelfSignedCertificateBuilder(pair).setCommonName("edgecoord test server")
            .setApplicationUri("urn:edgecoord:test-server")
            .addIpAddress("127.0.0.1")
            .addDnsName("localhost")
            .build();
        Path pki = Files.createTempDirectory("opcua-server-pki");
        DefaultTrustListManager trust = new DefaultTrustListManager(pki.toFile());
        EndpointConfiguration.Builder base = EndpointConfiguration.newBuilder()
            .setBindAddress("127.0.0.1")
            .setHostname("127.0.0.1")
            .setBindPort(port)
            .setPath(PATH)
            .setCertificate(this.certificate)
            .addTokenPolicies(USER_TOKEN_POLICY_ANONYMOUS, USER_TOKEN_POLICY_USERNAME);
        OpcUaServerConfig config = OpcUaServerConfig.builder()
            .setApplicationUri("urn:edgecoord:test-server")
            .setApplicationName(LocalizedText.english("edgecoord test server"))
            .setProductUri("urn:edgecoord:test-server")
            .setBuildInfo(new BuildInfo("urn:edgecoord:test-server", "edgecoord", "test", "1", "1", null))
            .setEndpoints(Set.of(
                    base.copy().setSecurityPolicy(SecurityPolicy.None).setSecurityMode(MessageSecurityMode.None).build(),
                    base.copy().setSecurityPolicy(SecurityPolicy.Basic256Sha256)
                        .setSecurityMode(MessageSecurityMode.SignAndEncrypt).build()))
            .setCertificateManager(new DefaultCertificateManager(pair, this.certificate))
            .setTrustListManager(trust)
            .setCertificateValidator(new AcceptAll())
            .setIdentityValidator(new UsernameIdentityValidator(true,
                    (challenge) -> "operator".equals(challenge.getUsername()) && "secret".equals(challenge.getPassword())))
            .build();
        this.server = new OpcUaServer(config);
        this.server.getSessionManager().addSessionListener(new SessionListener() {
            @Override
            public void onSessionCreated(Session session) {
                OpcUaTestServer.this.sessionsCreated.incrementAndGet();
            }
        });
        this.nodes = new Nodes(this.server, this.reads);
        this.nodes.startup();
        this.server.startup().get(30, TimeUnit.SECONDS);
    }

    static OpcUaTestServer start() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();
            socket.close();
            return start(port);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A server on a given port: one that comes back where it was (with a new certificate). */
    static OpcUaTestServer start(int port) {
        try {
            return new OpcUaTestServer(port);
        }
        catch (Exception ex) {
            throw new IllegalStateException("Milo's OPC UA server did not start", ex);
        }
    }

    int port() {
        return this.port;
    }

    String url() {
        return "opc.tcp://127.0.0.1:" + this.port + PATH;
    }

    X509Certificate certificate() {
        return this.certificate;
    }

    /** The value a node holds now. */
    Object value(String name) {
        UaVariableNode node = (UaVariableNode) this.server.getAddressSpaceManager()
            .getManagedNode(this.nodes.id(name)).orElseThrow();
        return node.getValue().getValue().getValue();
    }

    void set(String name, Object value) {
        UaVariableNode node = (UaVariableNode) this.server.getAddressSpaceManager()
            .getManagedNode(this.nodes.id(name)).orElseThrow();
        node.setValue(new DataValue(new Variant(value)));
    }

    /** From now on reads of the node are answered after {@code millis}, without blocking the server. */
    void delay(String name, long millis) {
        this.reads.delay(name, millis);
    }

    /** The most Read requests of the test's variables the server was answering at one time. */
    int maxReadsInFlight() {
        return this.reads.maxInFlight();
    }

    /** The sessions clients have created on this server. */
    int sessionsCreated() {
        return this.sessionsCreated.get();
    }

    @Override
    public void close() {
        try {
            this.server.shutdown().get(30, TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        this.nodes.shutdown();
        this.reads.close();
    }

    /** The test's variables. */
    private static final class Nodes extends ManagedNamespaceWithLifecycle {

        /** Samples the variables for monitored items; without it a subscription never hears of a change. */
        private final SubscriptionModel sampling;

        private final SlowOpcUaReads reads;

        Nodes(OpcUaServer server, SlowOpcUaReads reads) {
            super(server, "urn:edgecoord:test");
            this.reads = reads;
            this.sampling = new SubscriptionModel(server, this);
            getLifecycleManager().addLifecycle(this.sampling);
            getLifecycleManager().addStartupTask(() -> {
                add("Temperature", Identifiers.Double, 21.5, false);
                add("Speed", Identifiers.Float, 100.0f, true);
                add("Count", Identifiers.Int32, 7, true);
                add("Running", Identifiers.Boolean, true, false);
                add("Name", Identifiers.String, "PUMP-7", false);
                add("Total", Identifiers.UInt64, ULong.valueOf(new java.math.BigInteger("18446744073709551614")), true);
                add("Blob", Identifiers.ByteString, ByteString.of(new byte[] { (byte) 0xDE, (byte) 0xAD }), true);
                add("Levels", Identifiers.Int16, new Short[] { 1, -1, 2 }, true);
                add("Temps", Identifiers.Float, new Float[] { 21.5f, -1.5f }, false);
                add("Flags", Identifiers.Boolean, new Boolean[] { true, false }, true);
            });
        }

        @Override
        public void read(ReadContext context, Double maxAge, TimestampsToReturn timestamps, List<ReadValueId> ids) {
            this.reads.read(ids, () -> super.read(context, maxAge, timestamps, ids));
        }

        NodeId id(String name) {
            return newNodeId(name);
        }

        private void add(String name, NodeId type, Object value, boolean writable) {
            UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext()).setNodeId(newNodeId(name))
                .setAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
                .setUserAccessLevel(writable ? AccessLevel.READ_WRITE : AccessLevel.READ_ONLY)
                .setBrowseName(newQualifiedName(name))
                .setDisplayName(LocalizedText.english(name))
                .setDataType(type)
                .setTypeDefinition(Identifiers.BaseDataVariableType)
                .build();
            if (value.getClass().isArray()) {
                node.setValueRank(ValueRanks.OneDimension);
                node.setArrayDimensions(new UInteger[] { UInteger.valueOf(0) });
            }
            node.setValue(new DataValue(new Variant(value)));
            getNodeManager().addNode(node);
        }

        @Override
        public void onDataItemsCreated(List<DataItem> items) {
            this.sampling.onDataItemsCreated(items);
        }

        @Override
        public void onDataItemsModified(List<DataItem> items) {
            this.sampling.onDataItemsModified(items);
        }

        @Override
        public void onDataItemsDeleted(List<DataItem> items) {
            this.sampling.onDataItemsDeleted(items);
        }

        @Override
        public void onMonitoringModeChanged(List<MonitoredItem> items) {
            this.sampling.onMonitoringModeChanged(items);
        }
    }

    /** The test server takes any client certificate; trusting servers is what is under test. */
    private static final class AcceptAll implements ServerCertificateValidator {

        @Override
        public void validateCertificateChain(List<X509Certificate> chain) {
        }

        @Override
        public void validateCertificateChain(List<X509Certificate> chain, String applicationUri) {
        }
    }
}
