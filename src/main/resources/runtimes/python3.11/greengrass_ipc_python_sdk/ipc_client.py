"""The IPC client Greengrass's Core SDK posts its work through, speaking edgecoord's seam.

Every SDK call (a publish, a shadow request, a function call) is work posted for a function ARN
and, unless it is an Event, a result fetched by the work's id. Greengrass carried that to its
core over a local HTTP port; here it goes to the coordinator's Greengrass seam on this
environment's own Runtime API endpoint ($AWS_LAMBDA_RUNTIME_API + $GG_EDGECOORD_SEAM), whose
socket tells the coordinator who calls, so no token travels. Standard library only.

One kept-alive connection a thread: the SDK may be called from several threads at once (a Timer
loop beside the handler), an http.client connection is not thread-safe, and a new connection
a call makes the container's socat forwarder fork, which costs more than the call.
"""

import base64
import http.client
import json
import os
import threading

_MAX_POLLS = 100  # x the wait below: a RequestResponse call longer than Lambda's 900 s has failed


class IPCException(Exception):
    """The seam refused the work or could not be reached; the message says why."""


class WorkResult:
    """The end of a piece of work: its payload (bytes) and func_err ('' when it succeeded)."""

    def __init__(self, payload, func_err):
        self.payload = payload
        self.func_err = func_err

    def __repr__(self):
        return "WorkResult(payload={!r}, func_err={!r})".format(self.payload, self.func_err)


class IPCClient:
    """Posts work and fetches its result. endpoint and port are Greengrass's and are not used."""

    def __init__(self, endpoint="localhost", port=8000, wait_seconds=30):
        address = os.environ.get("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
        host, _, port_text = address.rpartition(":")
        self._host, self._port = host, int(port_text)
        self._seam = os.environ.get("GG_EDGECOORD_SEAM", "/edgecoord/v1/greengrass").rstrip("/")
        self._wait = wait_seconds
        self._local = threading.local()

    def post_work(self, function_arn, payload, client_context, invocation_type="RequestResponse"):
        """Posts work for function_arn; returns its invocation id."""
        body = {
            "functionArn": function_arn,
            "invocationType": invocation_type,
            "clientContext": _text(client_context) or None,
            "payload": _base64(payload),
        }
        status, answer = self._request("POST", self._seam + "/invocations", json.dumps(body).encode("utf-8"))
        if status != 202:
            raise IPCException(_refusal("post work to " + str(function_arn), status, answer))
        return json.loads(answer.decode("utf-8"))["invocationId"]

    def get_work_result(self, function_arn, invocation_id):
        """Waits for the work's end; returns a WorkResult."""
        path = "{}/invocations/{}?wait={}".format(self._seam, invocation_id, self._wait)
        for _ in range(_MAX_POLLS):
            status, answer = self._request("GET", path, None)
            if status != 200:
                raise IPCException(_refusal("get the result of " + str(invocation_id), status, answer))
            result = json.loads(answer.decode("utf-8"))
            if result.get("status") != "RUNNING":
                payload = base64.b64decode(result["payload"]) if result.get("payload") else b""
                return WorkResult(payload, result.get("functionError") or "")
        raise IPCException("work {} for {} did not end".format(invocation_id, function_arn))

    def _request(self, method, path, body):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection = getattr(self._local, "connection", None)
        reused = connection is not None
        if connection is None:
            connection = self._local.connection = http.client.HTTPConnection(
                self._host, self._port, timeout=self._wait + 30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            return response.status, response.read()
        except (OSError, http.client.HTTPException) as e:
            connection.close()
            self._local.connection = None
            # A kept connection the coordinator closed while idle (Jetty's idle timeout) fails
            # before the request reached it, so it is asked again once, on a new connection.
            if reused and isinstance(e, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)):
                return self._request(method, path, body)
            raise IPCException("the coordinator cannot be reached at {}:{}: {}".format(self._host, self._port, e))


def _text(value):
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).decode("ascii")
    return str(value)


def _base64(payload):
    """The payload's bytes, base64: bytes as they are, text as UTF-8, a file-like object read."""
    if payload is None:
        return None
    if hasattr(payload, "read"):
        payload = payload.read()
    if isinstance(payload, str):
        payload = payload.encode("utf-8")
    if not payload:
        return None
    return base64.b64encode(bytes(payload)).decode("ascii")


def _refusal(what, status, answer):
    try:
        problem = json.loads(answer.decode("utf-8"))
        reason = problem.get("detail") or problem.get("title") or answer[:300]
    except ValueError:
        reason = answer[:300]
    return "could not {}: {} {}".format(what, status, reason)
