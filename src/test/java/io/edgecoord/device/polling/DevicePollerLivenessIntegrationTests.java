package io.edgecoord.device.polling;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.edgecoord.device.ConnectivityStatus;
import io.edgecoord.device.DeviceConnectivityChanged;
import io.edgecoord.device.DeviceSimulator;
import io.edgecoord.device.registry.PolledDevice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The real poller against simulated HTTP devices: isolation of healthy devices from dead ones,
 * OFFLINE and back, LOCKED, and per-link serialisation. Structural assertions only.
 */
class DevicePollerLivenessIntegrationTests {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    private static final Duration TIMEOUT = Duration.ofMillis(150);

    @Test
    void deadDevicesDoNotDelayHealthyOnes() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            IntStream.range(0, 20).forEach((i) -> {
                harness.simulator.device("dead-" + i).behaviour(DeviceSimulator.Behaviour.HANG);
                harness.add("dead-" + i, INTERVAL, TIMEOUT);
            });
            IntStream.range(0, 20).forEach((i) -> harness.add("healthy-" + i, INTERVAL, TIMEOUT));
            long start = System.nanoTime();
            await().atMost(10, TimeUnit.SECONDS).until(() -> IntStream.range(0, 20)
                .allMatch((i) -> harness.runtime.connectivity().status("dead-" + i) == ConnectivityStatus.OFFLINE));
            Thread.sleep(1000);
            double seconds = (System.nanoTime() - start) / 1e9;
            long expected = (long) (seconds / 0.2);
            for (int i = 0; i < 20; i++) {
                // At least half their cadence while the dead ones time out and then sit in the recovery lane.
                assertThat(harness.readings("healthy-" + i).size()).isGreaterThanOrEqualTo((int) (expected / 2));
                assertThat(harness.runtime.connectivity().status("healthy-" + i)).isEqualTo(ConnectivityStatus.ONLINE);
            }
            int deadRequests = harness.simulator.requests().stream()
                .filter((r) -> r.device().startsWith("dead-")).mapToInt((r) -> 1).sum();
            assertThat(deadRequests).isLessThan(20 * (int) expected);
        }
    }

    @Test
    void goesOfflineAfterThreeFailuresAndBackOnlineOnTheFirstProbe() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            harness.simulator.device("flaky").behaviour(DeviceSimulator.Behaviour.FAIL);
            harness.add("flaky", INTERVAL, TIMEOUT);
            await().atMost(10, TimeUnit.SECONDS)
                .until(() -> harness.runtime.connectivity().status("flaky") == ConnectivityStatus.OFFLINE);
            Connectivity offline = harness.runtime.connectivity().get("flaky");
            assertThat(offline.consecutiveFailures()).isEqualTo(3);
            assertThat(offline.lastError().code()).isEqualTo("DEVICE_ERROR");
            harness.simulator.device("flaky").behaviour(DeviceSimulator.Behaviour.ANSWER);
            await().atMost(10, TimeUnit.SECONDS)
                .until(() -> harness.runtime.connectivity().status("flaky") == ConnectivityStatus.ONLINE);
            int readingsAtRecovery = harness.readings("flaky").size();
            await().atMost(10, TimeUnit.SECONDS).until(() -> harness.readings("flaky").size() >= readingsAtRecovery + 3);
            List<DeviceConnectivityChanged> transitions = harness.transitions("flaky");
            assertThat(transitions).extracting(DeviceConnectivityChanged::status)
                .containsExactly(ConnectivityStatus.OFFLINE, ConnectivityStatus.ONLINE);
            assertThat(transitions).extracting(DeviceConnectivityChanged::reason).containsExactly("FAILURES", "RECOVERED");
            assertThat(harness.readings("flaky").get(0).values()).containsEntry("temperature", 21.5);
        }
    }

    @Test
    void lockedDevicesAreNotPolledAndUnlockingResumes() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            PolledDevice device = harness.add("lockable", INTERVAL, TIMEOUT);
            await().atMost(10, TimeUnit.SECONDS).until(() -> harness.readings("lockable").size() >= 2);
            PolledDevice locked = new PolledDevice(device.name(), device.profile(), device.binding(), device.interval(),
                    device.timeout(), device.source(), device.pollResources(), true);
            harness.runtime.apply(device, locked);
            Thread.sleep(300);
            int atLock = harness.simulator.requests("lockable").size();
            Thread.sleep(800);
            assertThat(harness.simulator.requests("lockable")).hasSize(atLock);
            harness.runtime.apply(locked, device);
            await().atMost(10, TimeUnit.SECONDS).until(() -> harness.simulator.requests("lockable").size() > atLock + 2);
            // A loaded machine may time out the first polls; whatever came before, locking says so once each way.
            assertThat(harness.transitions("lockable")).extracting(DeviceConnectivityChanged::reason)
                .filteredOn((reason) -> reason.endsWith("LOCKED"))
                .containsExactly("LOCKED", "UNLOCKED");
        }
    }

    @Test
    void devicesOnOneLinkAreNeverPolledConcurrently() throws Exception {
        try (PollingHarness harness = new PollingHarness()) {
            IntStream.range(0, 10).forEach((i) -> {
                harness.simulator.device("bus-" + i).latency(Duration.ofMillis(30));
                harness.add("bus-" + i, "rs485-1", INTERVAL, TIMEOUT);
            });
            await().atMost(10, TimeUnit.SECONDS).until(() -> harness.simulator.requests().size() >= 40);
            List<DeviceSimulator.Request> requests = harness.simulator.requests()
                .stream()
                .sorted(java.util.Comparator.comparingLong(DeviceSimulator.Request::startNanos))
                .toList();
            for (int i = 1; i < requests.size(); i++) {
                assertThat(requests.get(i).startNanos()).isGreaterThanOrEqualTo(requests.get(i - 1).endNanos());
            }
        }
    }
}
