package io.edgecoord.device.http;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.DeviceSimulator;
import io.edgecoord.device.network.AddressGuard;
import io.edgecoord.device.network.Addresses;
import io.edgecoord.device.network.NetworkPolicy;
import io.edgecoord.device.network.OwnEndpoints;
import io.edgecoord.device.polling.Connectivity;
import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.polling.PollingHarness;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.DeviceAddresses;
import io.edgecoord.device.registry.HttpBinding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The HTTP binding against a loopback simulator: the network policy applied when a connection is
 * opened, with nothing sent to a refused address, and redirects answered as failures.
 */
class HttpDeviceClientTests {

    private static final NetworkPolicy DEFAULTS = NetworkPolicy.of(List.of(), List.of());

    private static final NetworkPolicy LOOPBACK = NetworkPolicy.of(List.of("127.0.0.0/8"), List.of());

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ProfileResource temperature = DeviceFixtures.thermostat().resource("temperature").orElseThrow();

    private DeviceSimulator simulator;

    private HttpDeviceClient client;

    @BeforeEach
    void startSimulator() throws Exception {
        this.simulator = DeviceSimulator.start();
    }

    @AfterEach
    void stop() {
        if (this.client != null) {
            this.client.close();
        }
        this.simulator.close();
    }

    @Test
    void readsADeviceOnAnAllowedAddress() throws Exception {
        this.simulator.device("t1").value("temperature", 215);
        this.client = client(new AddressGuard(LOOPBACK, () -> OwnEndpoints.NONE));
        assertThat(this.client.read(binding("t1"), this.temperature, TIMEOUT).asInt()).isEqualTo(215);
        assertThat(this.client.read(binding("t1"), this.temperature, TIMEOUT).asInt()).isEqualTo(215);
    }

    @Test
    void sendsNothingToALoopbackDeviceByDefault() {
        this.simulator.device("t1").value("temperature", 215);
        this.client = client(new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE));
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(binding("t1"), this.temperature, TIMEOUT))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.REFUSED))
            .withMessage("GET /temperature not sent: 127.0.0.1 is a loopback address; "
                    + "allow it with edgecoord.device.network.allow");
        assertThat(this.simulator.requests()).isEmpty();
    }

    @Test
    void sendsNothingToAnIpv6LoopbackLiteral() {
        this.client = client(new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE));
        HttpBinding v6 = new HttpBinding("http://[::1]:" + port() + "/devices/t1", null).resolved();
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(v6, this.temperature, TIMEOUT))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.REFUSED))
            .withMessageContaining("::1 is a loopback address");
    }

    @Test
    void aNameThatLaterResolvesToLoopbackIsRefusedWhenTheDeviceIsPolled() {
        this.simulator.device("t1").value("temperature", 215);
        // 10.0.0.5 is only an answer from a stand-in resolver: nothing is ever sent there.
        Deque<InetAddress> answers = new ArrayDeque<>(
                List.of(address("10.0.0.5"), InetAddress.getLoopbackAddress()));
        AddressGuard guard = new AddressGuard(DEFAULTS, () -> OwnEndpoints.NONE,
                (host) -> new InetAddress[] { answers.removeFirst() });
        HttpBinding named = new HttpBinding("http://thermostat.rebind.test:" + port() + "/devices/t1", null).resolved();
        new DeviceAddresses(guard).admit(named);
        this.client = client(guard);
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(named, this.temperature, TIMEOUT))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.REFUSED))
            .withMessageContaining("thermostat.rebind.test resolves to 127.0.0.1, which is a loopback address");
        assertThat(answers).isEmpty();
        assertThat(this.simulator.requests()).isEmpty();
    }

    @Test
    void refusesTheCoordinatorsOwnPortEvenWhereLoopbackIsAllowed() {
        this.simulator.device("t1").value("temperature", 215);
        this.client = client(new AddressGuard(LOOPBACK, () -> new OwnEndpoints(Set.of(port()), Set.of())));
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(binding("t1"), this.temperature, TIMEOUT))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.REFUSED))
            .withMessageContaining("is a port the coordinator itself listens on; no setting allows it");
        assertThat(this.simulator.requests()).isEmpty();
    }

    @Test
    void aRedirectIsAFailureAndIsNotFollowed() {
        this.simulator.device("inner").value("temperature", 215);
        this.simulator.device("t1").redirect(this.simulator.baseUrl("inner") + "/temperature");
        this.client = client(new AddressGuard(LOOPBACK, () -> OwnEndpoints.NONE));
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(binding("t1"), this.temperature, TIMEOUT))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.DEVICE_ERROR))
            .withMessage("GET /temperature answered HTTP 302; redirects are not followed");
        // The simulator records a request once it has answered it, so the record may trail the answer.
        await().atMost(5, TimeUnit.SECONDS).until(() -> this.simulator.requests("t1").size() == 1);
        assertThat(this.simulator.requests("inner")).isEmpty();
    }

    @Test
    void anOversizedAnswerIsAProtocolErrorAndTheNextReadStillWorks() throws Exception {
        this.simulator.device("t1").value("temperature", "x".repeat(HttpDeviceClient.MAX_BODY_BYTES));
        this.client = client(new AddressGuard(LOOPBACK, () -> OwnEndpoints.NONE));
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(binding("t1"), this.temperature, TIMEOUT))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.PROTOCOL_ERROR));
        this.simulator.device("t1").value("temperature", 216);
        assertThat(this.client.read(binding("t1"), this.temperature, TIMEOUT).asInt()).isEqualTo(216);
    }

    @Test
    void aSlowAnswerIsATimeout() {
        this.simulator.device("t1").value("temperature", 215).latency(Duration.ofSeconds(2));
        this.client = client(new AddressGuard(LOOPBACK, () -> OwnEndpoints.NONE));
        assertThatExceptionOfType(DeviceCallException.class)
            .isThrownBy(() -> this.client.read(binding("t1"), this.temperature, Duration.ofMillis(200)))
            .satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FailureKind.TIMEOUT))
            .withMessage("GET /temperature got no answer within 200 ms");
    }

    @Test
    void aPolledDeviceOnARefusedAddressRecordsTheRuleInLastError() throws Exception {
        DeviceProperties fast = DeviceFixtures.fastSettings();
        DeviceProperties defaults = new DeviceProperties(fast.poll(), fast.liveness(),
                DeviceProperties.defaults().network());
        try (PollingHarness harness = new PollingHarness(defaults)) {
            harness.add("t1", Duration.ofMillis(200), Duration.ofMillis(150));
            await().atMost(10, TimeUnit.SECONDS)
                .until(() -> harness.runtime.connectivity().status("t1") == ConnectivityStatus.OFFLINE);
            Connectivity.LastError error = harness.runtime.connectivity().get("t1").lastError();
            assertThat(error.code()).isEqualTo("REFUSED");
            assertThat(error.message()).isEqualTo("GET /temperature not sent: 127.0.0.1 is a loopback address; "
                    + "allow it with edgecoord.device.network.allow");
            assertThat(harness.simulator.requests()).isEmpty();
        }
    }

    private HttpDeviceClient client(AddressGuard guard) {
        return new HttpDeviceClient(Duration.ofSeconds(1), guard, JsonMapper.builder().build());
    }

    private HttpBinding binding(String device) {
        return new HttpBinding(this.simulator.baseUrl(device), null).resolved();
    }

    private int port() {
        return URI.create(this.simulator.baseUrl("any")).getPort();
    }

    private static InetAddress address(String literal) {
        return Addresses.literal(literal).orElseThrow();
    }
}
