"""A Modbus TCP server for the tests, on pymodbus (Debian's python3-pymodbus, 3.0).

Usage: modbus_server.py PORT UNIT[,UNIT...]
Serves every unit on 127.0.0.1:PORT with 1,000 of each table, addresses 0-based. Reads
commands on stdin, one a line, and answers each with a line "ok ..." once done:
  set UNIT TABLE ADDRESS VALUE...   TABLE is hr, ir, co or di; values are 0-65535 or 0/1
  get UNIT TABLE ADDRESS COUNT      answers "ok V1 V2 ..."
  reads UNIT                        answers "ok N": read requests served for the unit so far
  connections                       answers "ok N": TCP connections open now
  fail UNIT on|off                  reads of the unit fail: pymodbus answers SERVER DEVICE FAILURE
  delay SECONDS                     every request waits that long first (a slow device)
It prints "listening" once the socket is bound. A unit it does not serve gets no answer at all.
"""
import asyncio
import os
import sys
import threading
import time

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncTcpServer

SIZE = 1000
state = {"delay": 0.0, "failing": set()}
reads = {}
servers = []


class Block(ModbusSequentialDataBlock):
    """Counts reads and waits the configured delay, blocking the server as a slow device would."""

    def __init__(self, unit, name):
        super().__init__(0, [0] * SIZE)
        self.unit = unit
        self.name = name

    def getValues(self, address, count=1):
        if state["delay"]:
            time.sleep(state["delay"])
        reads[self.unit] = reads.get(self.unit, 0) + 1
        if self.unit in state["failing"]:
            raise RuntimeError("unit " + str(self.unit) + " is failing")  # pymodbus answers 0x04
        return super().getValues(address, count)

    def setValues(self, address, values):
        if state["delay"]:
            time.sleep(state["delay"])
        super().setValues(address, values)


def main():
    port = int(sys.argv[1])
    units = [int(u) for u in sys.argv[2].split(",")]
    slaves = {}
    for unit in units:
        slaves[unit] = ModbusSlaveContext(hr=Block(unit, "hr"), ir=Block(unit, "ir"), co=Block(unit, "co"),
                                          di=Block(unit, "di"), zero_mode=True)
    context = ModbusServerContext(slaves=slaves, single=False)
    threading.Thread(target=commands, args=(context,), daemon=True).start()

    async def serve():
        server = await StartAsyncTcpServer(context=context, address=("127.0.0.1", port), defer_start=True)
        servers.append(server)
        print("listening", flush=True)
        await server.serve_forever()

    asyncio.run(serve())


def commands(context):
    codes = {"co": 1, "di": 2, "hr": 3, "ir": 4}
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] == "set":
            store = context[int(words[1])].store[words[2][0]]
            ModbusSequentialDataBlock.setValues(store, int(words[3]), [int(v) for v in words[4:]])
            print("ok", flush=True)
        elif words[0] == "get":
            store = context[int(words[1])].store[words[2][0]]
            values = ModbusSequentialDataBlock.getValues(store, int(words[3]), int(words[4]))
            print("ok " + " ".join(str(int(v)) for v in values), flush=True)
        elif words[0] == "reads":
            print("ok " + str(reads.get(int(words[1]), 0)), flush=True)
        elif words[0] == "connections":
            print("ok " + str(len(servers[0].active_connections)), flush=True)
        elif words[0] == "fail":
            (state["failing"].add if words[2] == "on" else state["failing"].discard)(int(words[1]))
            print("ok", flush=True)
        elif words[0] == "delay":
            state["delay"] = float(words[1])
            print("ok", flush=True)
        else:
            print("error unknown command " + words[0], flush=True)
    os._exit(0)


if __name__ == "__main__":
    main()
