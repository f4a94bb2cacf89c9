#!/usr/bin/env python3
"""A thermostat that speaks edgecoord's HTTP device binding, for trying the device example.

GET  /<device>/<resource>  answers {"value": x}
PUT  /<device>/<resource>  with {"value": x} sets it (the coordinator writes the shadow's desired state)

The temperature drifts toward the setpoint, so the readings change and the cooler task reacts.
Run: python3 examples/device-simulator/simulator.py [port]   (default 9000, on 127.0.0.1 only)
"""
import json
import random
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

state = {}
lock = threading.Lock()


def device(name):
    return state.setdefault(name, {"temperature": 26.0, "setpoint": 22.0})


class Thermostat(BaseHTTPRequestHandler):
    def _resource(self):
        parts = [p for p in self.path.split("?")[0].split("/") if p]
        return (parts[0], parts[1]) if len(parts) == 2 else (None, None)

    def _answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        name, resource = self._resource()
        with lock:
            values = device(name) if name else {}
            if resource == "temperature":  # one step toward the setpoint, with a little noise
                values["temperature"] += (values["setpoint"] - values["temperature"]) * 0.2 + random.uniform(-0.2, 0.2)
            if resource not in values:
                return self._answer(404, {"error": "no such resource"})
            return self._answer(200, {"value": round(values[resource], 2)})

    def do_PUT(self):
        name, resource = self._resource()
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        with lock:
            values = device(name) if name else {}
            if resource != "setpoint" or "value" not in body:
                return self._answer(400, {"error": "only setpoint is writable, as {\"value\": x}"})
            values["setpoint"] = float(body["value"])
            print(f"{name}: setpoint {values['setpoint']}", flush=True)
            return self._answer(200, {"value": values["setpoint"]})

    def log_message(self, *args):
        pass  # quiet: one line per write is printed above


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 9000
    print(f"thermostat simulator on http://127.0.0.1:{port}/<device>/<resource>", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Thermostat).serve_forever()
