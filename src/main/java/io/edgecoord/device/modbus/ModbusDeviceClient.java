package io.edgecoord.device.modbus;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.profile.ProfileResource;
import io.edgecoord.device.registry.ModbusBinding;


/**
 * The Modbus TCP binding: one TCP connection per gateway address ({@code host:port}), shared by
 * the unit ids behind it and used by one request at a time. A poll's resources are read in as
 * few requests as {@link ReadPlan} allows. A connection opens only to an address the
 * {@link io.edgecoord.device.network.AddressGuard} admitted, and is dropped after any I/O
 * failure or timeout (a late answer would otherwise be taken for the next request's); the next
 * request opens a new one. Failures become {@link DeviceCallException}s here, once.
 */
public final class ModbusDeviceClient implements AutoCloseable {

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    private final ModbusConnector connector;

    public ModbusDeviceClient(ModbusConnector connector) {
        this.connector = connector;
    }

    /** The raw values of the resources, read in batched requests. */
    public Map<ProfileResource, JsonNode> read(ModbusBinding binding, List<ProfileResource> resources,
            Supplier<Duration> remaining) throws DeviceCallException {
        Map<String, ModbusLocator> locators = new LinkedHashMap<>();
        Map<String, ProfileResource> byName = new LinkedHashMap<>();
        for (ProfileResource resource : resources) {
            locators.put(resource.name(), ModbusResources.locator(resource));
            byName.put(resource.name(), resource);
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (ReadPlan.Read read : ReadPlan.of(locators)) {
            ModbusResponse response = execute(binding, ModbusRequests.read(read), remaining.get(), describe(read));
            int[] words = ModbusRequests.words(read, response);
            for (String name : read.resources()) {
                ModbusLocator locator = locators.get(name);
                values.put(name, node(RegisterCodec.decode(locator, words, read.start())));
            }
        }
        Map<ProfileResource, JsonNode> ordered = new LinkedHashMap<>();
        byName.forEach((name, resource) -> ordered.put(resource, values.get(name)));
        return ordered;
    }

    /**
     * Writes one resource: a coil (function 5), coils (15), one register (6) or several (16); a bit
     * inside a holding register by read-modify-write.
     */
    public void write(ModbusBinding binding, ProfileResource resource, JsonNode raw, Supplier<Duration> remaining)
            throws DeviceCallException {
        ModbusLocator locator = ModbusResources.locator(resource);
        String what = "writing " + locator.table() + " " + locator.address() + " of unit " + binding.unitId();
        if (locator.bit() >= 0) {
            writeBit(binding, locator, raw.booleanValue(), remaining, what + " bit " + locator.bit());
            return;
        }
        execute(binding, ModbusRequests.write(locator, resource, raw), remaining.get(), what);
    }

    /**
     * Reads the register, sets or clears the one bit and writes the register back (function 6).
     * The gateway's connection is held from the read to the write, so no other request of this
     * coordinator comes between them; another master writing the same register in between would
     * be overwritten, which Modbus itself cannot prevent (function 22, mask write, would, but few
     * devices implement it).
     */
    private void writeBit(ModbusBinding binding, ModbusLocator locator, boolean on, Supplier<Duration> remaining,
            String what) throws DeviceCallException {
        Connection connection = this.connections.computeIfAbsent(binding.endpoint(), (key) -> new Connection());
        connection.lock.lock();
        try {
            ReadPlan.Read read = new ReadPlan.Read(locator.table(), locator.address(), 1, List.of());
            int register = ModbusRequests.words(read, execute(binding, ModbusRequests.read(read), remaining.get(),
                    what + ": reading the register"))[0];
            execute(binding, new WriteSingleRegisterRequest(locator.address(),
                    new SimpleRegister(RegisterCodec.withBit(register, locator.bit(), on))), remaining.get(), what);
        }
        finally {
            connection.lock.unlock();
        }
    }

    private ModbusResponse execute(ModbusBinding binding, ModbusRequest request, Duration timeout, String what)
            throws DeviceCallException {
        Connection connection = this.connections.computeIfAbsent(binding.endpoint(), (key) -> new Connection());
        connection.lock.lock();
        try {
            TCPMasterConnection tcp = connection.open(binding, timeout, this.connector, what);
            tcp.setTimeout((int) Math.max(1, timeout.toMillis()));
            ModbusTCPTransaction transaction = new ModbusTCPTransaction(tcp);
            transaction.setRetries(1);
            transaction.setReconnecting(false);
            request.setUnitID(binding.unitId());
            transaction.setRequest(request);
            transaction.execute();
            return transaction.getResponse();
        }
        catch (ModbusSlaveException ex) {
            int code = ex.getType();
            throw new DeviceCallException(ModbusFailures.kind(code), what + ": " + ModbusFailures.describe(code));
        }
        catch (ModbusException ex) {
            connection.close();
            throw new DeviceCallException(ModbusConnector.timedOut(ex) ? FailureKind.TIMEOUT : FailureKind.UNREACHABLE,
                    what + ": " + ((ModbusConnector.timedOut(ex)) ? "no answer within " + timeout.toMillis() + " ms"
                            : ex.getMessage()));
        }
        finally {
            connection.lock.unlock();
        }
    }

    private static String describe(ReadPlan.Read read) {
        return "reading " + read.table() + " " + read.start() + ".." + (read.start() + read.count() - 1);
    }

    private static JsonNode node(Object value) {
        return switch (value) {
            case List<?> list -> {
                ArrayNode array = JsonNodeFactory.instance.arrayNode(list.size());
                list.forEach((element) -> array.add(node(element)));
                yield array;
            }
            case Long number -> JsonNodeFactory.instance.numberNode(number);
            case BigInteger number -> JsonNodeFactory.instance.numberNode(number);
            case Double number -> JsonNodeFactory.instance.numberNode(number);
            case Boolean bool -> JsonNodeFactory.instance.booleanNode(bool);
            case String text -> JsonNodeFactory.instance.stringNode(text);
            default -> throw new IllegalStateException("unexpected decoded value " + value);
        };
    }

    @Override
    public void close() {
        new ArrayList<>(this.connections.values()).forEach(Connection::close);
        this.connections.clear();
    }

    /** One gateway's TCP connection, opened on demand; its lock keeps one request on it at a time. */
    private static final class Connection {

        private final ReentrantLock lock = new ReentrantLock(true);

        private TCPMasterConnection tcp;

        TCPMasterConnection open(ModbusBinding binding, Duration timeout, ModbusConnector connector, String what)
                throws DeviceCallException {
            if (this.tcp == null || !this.tcp.isConnected()) {
                close();
                this.tcp = connector.connect(binding, timeout, what);
            }
            return this.tcp;
        }

        void close() {
            if (this.tcp != null) {
                this.tcp.close();
                this.tcp = null;
            }
        }
    }
}
