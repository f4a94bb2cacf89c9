package io.edgecoord.device.modbus;

import java.util.ArrayList;
import java.util.List;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleCoilsRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;
import tools.jackson.databind.JsonNode;

import io.edgecoord.device.polling.DeviceCallException;
import io.edgecoord.device.polling.FailureKind;
import io.edgecoord.device.polling.InvalidValueException;
import io.edgecoord.device.profile.ProfileResource;


/** j2mod's request and response messages for our reads and writes; the only code that knows them. */
public final class ModbusRequests {

    private ModbusRequests() {
    }

    static ModbusRequest read(ReadPlan.Read read) {
        return switch (read.table()) {
            case HOLDING_REGISTERS -> new ReadMultipleRegistersRequest(read.start(), read.count());
            case INPUT_REGISTERS -> new ReadInputRegistersRequest(read.start(), read.count());
            case COILS -> new ReadCoilsRequest(read.start(), read.count());
            case DISCRETE_INPUTS -> new ReadInputDiscretesRequest(read.start(), read.count());
        };
    }

    /** The registers (0–65535) or bits (0 or 1) a read answered, or a protocol error if too few. */
    static int[] words(ReadPlan.Read read, ModbusResponse response) throws DeviceCallException {
        int[] words = new int[read.count()];
        try {
            switch (response) {
                case ReadMultipleRegistersResponse registers -> copy(registers.getRegisters(), words);
                case ReadInputRegistersResponse registers -> copy(registers.getRegisters(), words);
                case ReadCoilsResponse coils -> {
                    for (int i = 0; i < words.length; i++) {
                        words[i] = coils.getCoilStatus(i) ? 1 : 0;
                    }
                }
                case ReadInputDiscretesResponse inputs -> {
                    for (int i = 0; i < words.length; i++) {
                        words[i] = inputs.getDiscreteStatus(i) ? 1 : 0;
                    }
                }
                default -> throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "reading " + read.table()
                        + " answered " + response.getClass().getSimpleName());
            }
        }
        catch (IndexOutOfBoundsException ex) {
            throw new DeviceCallException(FailureKind.PROTOCOL_ERROR, "reading " + read.table() + " " + read.start()
                    + " answered fewer than the " + read.count() + " asked for");
        }
        return words;
    }

    static ModbusRequest write(ModbusLocator locator, ProfileResource resource, JsonNode raw) {
        if (locator.table() == ModbusTable.COILS && locator.elements() == 0) {
            return new WriteCoilRequest(locator.address(), raw.booleanValue());
        }
        if (locator.table() == ModbusTable.COILS) {
            BitVector bits = new BitVector(raw.size());
            for (int i = 0; i < raw.size(); i++) {
                bits.setBit(i, raw.get(i).booleanValue());
            }
            return new WriteMultipleCoilsRequest(locator.address(), bits);
        }
        int[] words = RegisterCodec.encode(locator, value(raw), resource.name());
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new SimpleRegister(words[i]);
        }
        return (registers.length == 1) ? new WriteSingleRegisterRequest(locator.address(), registers[0])
                : new WriteMultipleRegistersRequest(locator.address(), registers);
    }

    /** Refuses a raw value its registers cannot hold, before anything is sent. */
    public static void check(ProfileResource resource, JsonNode raw) {
        ModbusLocator locator = ModbusResources.locator(resource);
        if (locator.table() == ModbusTable.COILS && locator.elements() != raw.size()) {
            throw new InvalidValueException("Value of '" + resource.name() + "' has " + raw.size()
                    + " elements; its coils hold " + locator.elements() + ".");
        }
        if (locator.table() != ModbusTable.COILS && locator.rawType() != RawType.BOOL) {
            try {
                RegisterCodec.encode(locator, value(raw), resource.name());
            }
            catch (ModbusValueException ex) {
                throw new InvalidValueException(ex.getMessage());
            }
        }
    }

    private static Object value(JsonNode raw) {
        if (raw.isArray()) {
            List<Object> values = new ArrayList<>(raw.size());
            raw.forEach((element) -> values.add(value(element)));
            return values;
        }
        if (raw.isString()) {
            return raw.stringValue();
        }
        if (raw.isBigInteger()) {
            return raw.bigIntegerValue();
        }
        return raw.isIntegralNumber() ? (Object) raw.longValue() : (Object) raw.doubleValue();
    }

    private static void copy(InputRegister[] registers, int[] words) {
        if (registers.length < words.length) {
            throw new IndexOutOfBoundsException();
        }
        for (int i = 0; i < words.length; i++) {
            words[i] = registers[i].toUnsignedShort();
        }
    }
}
