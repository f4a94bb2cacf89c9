package io.edgecoord.device.polling;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.device.DeviceFixtures;
import io.edgecoord.device.modbus.ModbusServer;
import io.edgecoord.device.polling.DeviceProperties;
import io.edgecoord.device.profile.DeviceProfile;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.profile.ReadWrite;
import io.edgecoord.device.profile.ValueType;
import io.edgecoord.device.registry.ModbusBinding;
import io.edgecoord.device.registry.PolledDevice;

/**
 * Not a test: polls Modbus devices (unit ids behind a few gateway addresses, each a pymodbus
 * server process) with the real poller and Modbus binding, then does the same reads from a bare
 * loop of virtual threads (one per device, one j2mod connection and lock per gateway, sleeping to
 * the same grid), and prints polls/s, schedule lag p50/p99 and this JVM's CPU (the servers run
 * in their own processes). Arguments: devices (1000), gateways (4), interval seconds (1), seconds
 * per run (60). See docs/benchmarks.md.
 */
final class ModbusPollingBenchmark {

    private ModbusPollingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int devices = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
        int gateways = (args.length > 1) ? Integer.parseInt(args[1]) : 4;
        Duration interval = Duration.ofSeconds((args.length > 2) ? Long.parseLong(args[2]) : 1);
        Duration run = Duration.ofSeconds((args.length > 3) ? Long.parseLong(args[3]) : 60);
        int perGateway = (devices + gateways - 1) / gateways;
        System.out.printf("%d Modbus devices behind %d gateways (%d unit ids each), interval %s, %s per run, "
                + "%d processors%n", devices, gateways, perGateway, interval, run,
                Runtime.getRuntime().availableProcessors());
        int[] units = new int[perGateway];
        for (int i = 0; i < perGateway; i++) {
            units[i] = i + 1;
        }
        List<ModbusServer> servers = new ArrayList<>();
        try {
            for (int g = 0; g < gateways; g++) {
                servers.add(ModbusServer.start(units));
            }
            Duration warmUp = interval.multipliedBy(3);
            PollingBenchmark.report("warm-up: poller", poller(servers, devices, interval, warmUp));
            PollingBenchmark.report("warm-up: bare loop", bareLoop(servers, devices, interval, warmUp));
            PollingBenchmark.report("edgecoord poller", poller(servers, devices, interval, run));
            PollingBenchmark.report("bare virtual-thread loop", bareLoop(servers, devices, interval, run));
        }
        finally {
            servers.forEach(ModbusServer::close);
        }
        System.exit(0);
    }

    private static PollingBenchmark.Result poller(List<ModbusServer> servers, int devices, Duration interval,
            Duration run) throws InterruptedException {
        SimpleMeterRegistry meters = PollingBenchmark.meters();
        DeviceProperties settings = DeviceFixtures.allowingLoopback(DeviceProperties.defaults());
        DeviceRuntime runtime = DeviceConfiguration.build(settings, JsonMapper.builder().build(), meters, (event) -> {
        }, Clock.systemUTC());
        DeviceProfile profile = new DeviceProfile("bench-meter", null, null, null, List.of(
                register("power", 0, "INT16"), register("energy", 1, "UINT16")), null, null);
        PollingBenchmark.Cpu cpu = PollingBenchmark.Cpu.start();
        for (int i = 0; i < devices; i++) {
            ModbusServer server = servers.get(i % servers.size());
            ModbusBinding binding = new ModbusBinding("127.0.0.1", server.port(), 1 + i / servers.size(), null).resolved();
            runtime.apply(null, new PolledDevice(name(i), profile, binding, interval, interval.multipliedBy(4).dividedBy(5),
                    "readable", profile.resources(), false));
        }
        Thread.sleep(run);
        PollingBenchmark.Cpu used = cpu.stop();
        runtime.close();
        return PollingBenchmark.pollerResult(meters, used);
    }

    private static PollingBenchmark.Result bareLoop(List<ModbusServer> servers, int devices, Duration interval,
            Duration run) throws Exception {
        SimpleMeterRegistry meters = PollingBenchmark.meters();
        Timer lag = Timer.builder("bare.lag").register(meters);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<TCPMasterConnection> connections = new ArrayList<>();
        List<ReentrantLock> locks = new ArrayList<>();
        for (ModbusServer server : servers) {
            TCPMasterConnection connection = new TCPMasterConnection(java.net.InetAddress.getLoopbackAddress());
            connection.setPort(server.port());
            connection.setTimeout(800);
            connection.connect();
            connections.add(connection);
            locks.add(new ReentrantLock(true));
        }
        long period = interval.toNanos();
        PollingBenchmark.Cpu cpu = PollingBenchmark.Cpu.start();
        long start = System.nanoTime();
        long end = start + run.toNanos();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < devices; i++) {
                int gateway = i % servers.size();
                int unit = 1 + i / servers.size();
                long first = start + PollTiming.offset(name(i), period);
                threads.execute(() -> {
                    for (long next = first; next < end; next += period) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                            locks.get(gateway).lock();
                            try {
                                lag.record(Duration.ofNanos(System.nanoTime() - next));
                                ReadMultipleRegistersRequest request = new ReadMultipleRegistersRequest(0, 2);
                                request.setUnitID(unit);
                                ModbusTCPTransaction transaction = new ModbusTCPTransaction(connections.get(gateway));
                                transaction.setRetries(1);
                                transaction.setRequest(request);
                                transaction.execute();
                                ok.incrementAndGet();
                            }
                            finally {
                                locks.get(gateway).unlock();
                            }
                        }
                        catch (Exception ex) {
                            failed.incrementAndGet();
                        }
                    }
                });
            }
        }
        PollingBenchmark.Cpu used = cpu.stop();
        connections.forEach(TCPMasterConnection::close);
        return new PollingBenchmark.Result(ok.get(), failed.get(), 0, lag, used);
    }

    private static ProfileResource register(String name, int address, String rawType) {
        return new ProfileResource(name, ValueType.INT32, ReadWrite.R, null, null, null, null, null, null,
                java.util.Map.of("primaryTable", "HOLDING_REGISTERS", "startingAddress", String.valueOf(address),
                        "rawType", rawType));
    }

    private static String name(int i) {
        return String.format("modbus-%05d", i);
    }
}
