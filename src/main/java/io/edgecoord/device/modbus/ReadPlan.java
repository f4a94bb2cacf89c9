package io.edgecoord.device.modbus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which read requests a poll sends: the resources of one table whose registers (or bits) touch
 * or overlap are read in one request, up to the protocol's limit per request (125 registers,
 * 2,000 bits). Resources with a gap between them are read apart, since a device may answer
 * ILLEGAL DATA ADDRESS for the gap. Pure.
 */
public final class ReadPlan {

    private ReadPlan() {
    }

    /** One read request and the resources it serves. */
    public record Read(ModbusTable table, int start, int count, List<String> resources) {
    }

    /** The requests for resources in the given order (by name); requests ordered by table, then address. */
    public static List<Read> of(Map<String, ModbusLocator> resources) {
        List<Map.Entry<String, ModbusLocator>> sorted = new ArrayList<>(resources.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<String, ModbusLocator> e) -> e.getValue().table())
            .thenComparingInt((e) -> e.getValue().address())
            .thenComparingInt((e) -> e.getValue().end()));
        List<Read> reads = new ArrayList<>();
        ModbusTable table = null;
        int start = 0;
        int end = 0;
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, ModbusLocator> entry : sorted) {
            ModbusLocator locator = entry.getValue();
            boolean joins = locator.table() == table && locator.address() <= end
                    && Math.max(end, locator.end()) - start <= table.maxPerRead();
            if (!joins) {
                if (table != null) {
                    reads.add(new Read(table, start, end - start, List.copyOf(names)));
                }
                table = locator.table();
                start = locator.address();
                end = locator.end();
                names.clear();
            }
            end = Math.max(end, locator.end());
            names.add(entry.getKey());
        }
        if (table != null) {
            reads.add(new Read(table, start, end - start, List.copyOf(names)));
        }
        return List.copyOf(reads);
    }
}
