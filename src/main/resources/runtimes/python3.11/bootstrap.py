"""edgecoord's Lambda Runtime API client for Python, standard library only.

Loads the handler named by _HANDLER ("module.function"; the module may be dotted or a path
with slashes) from LAMBDA_TASK_ROOT, then loops: GET the next invocation, call
handler(event, context), POST the result or the error. It behaves as AWS's Python runtime where
a handler can tell: the same context attributes, the same error types and JSON error shape
({"errorMessage", "errorType", "requestId", "stackTrace"}). Differences: a handler that cannot be
found fails at init (POST /init/error) instead of at the first invocation, and a bytes result is
posted as it is (application/octet-stream) instead of failing to marshal. The handler's module is
imported at start, before the first invocation, so module-level code (a Greengrass pinned
function's loop) runs as soon as the environment does.

Everything printed goes to stdout/stderr, which is the function's log.
"""

import decimal
import http.client
import importlib
import json
import os
import sys
import time
import traceback

RUNTIME_PATH = "/2018-06-01/runtime"
ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type"


class RuntimeApiError(Exception):
    """The Runtime API answered with something other than what the protocol promises."""


class InitError(Exception):
    """The handler could not be loaded; carries the Lambda error type and stack trace."""

    def __init__(self, error_type, message, stack_trace=()):
        super().__init__(message)
        self.error_type = error_type
        self.stack_trace = list(stack_trace)


class RuntimeApi:
    """Client of the Runtime API over one kept-alive connection (/next is a long poll).

    One connection for the environment's life, not one a request: inside the container each new
    connection makes the socat forwarder fork, which costs more than the call itself. A dropped
    connection is opened again and the request tried once more; the coordinator hands an
    invocation whose delivery failed to the next poll.
    """

    def __init__(self, address):
        host, _, port = address.rpartition(":")
        self.host, self.port = host, int(port)
        self.connection = None

    def _request(self, method, path, body=None, headers=None):
        all_headers = {"User-Agent": "edgecoord-python/1"}
        all_headers.update(headers or {})
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port)  # no timeout: long poll
            try:
                self.connection.request(method, RUNTIME_PATH + path, body=body, headers=all_headers)
                response = self.connection.getresponse()
                return response.status, response.headers, response.read()
            except (ConnectionError, http.client.HTTPException):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise

    def next_invocation(self):
        status, headers, body = self._request("GET", "/invocation/next")
        if status != 200:
            raise RuntimeApiError(f"GET /invocation/next answered {status}: {body[:200]!r}")
        return headers, body

    def post_response(self, request_id, body, content_type):
        self._post(f"/invocation/{request_id}/response", body, {"Content-Type": content_type})

    def post_error(self, request_id, error):
        self._post_error(f"/invocation/{request_id}/error", error)

    def post_init_error(self, error):
        self._post_error("/init/error", error)

    def _post_error(self, path, error):
        headers = {"Content-Type": "application/json", ERROR_TYPE_HEADER: error["errorType"]}
        self._post(path, json.dumps(error).encode(), headers)

    def _post(self, path, body, headers):
        status, _, answer = self._request("POST", path, body, headers)
        if status >= 300:
            # The invocation may have timed out or the result been too large; the coordinator has
            # recorded why, so the runtime only logs it and goes on to the next invocation.
            log(f"edgecoord-runtime: POST {path} answered {status}: {answer[:500]!r}")


class ClientContext:
    """Lambda's client context: client, custom and env, from the JSON the Runtime API sends.

    Greengrass put the topic of a routed message in custom["subject"]; edgecoord does the same.
    """

    def __init__(self, document):
        self.client = document.get("client")
        self.custom = document.get("custom")
        self.env = document.get("env")

    @staticmethod
    def parse(header):
        """The context in a Lambda-Runtime-Client-Context header, or None when there is none."""
        if not header:
            return None
        try:
            document = json.loads(header)
        except ValueError:
            log(f"edgecoord-runtime: ignoring a client context that is not JSON: {header[:200]!r}")
            return None
        return ClientContext(document) if isinstance(document, dict) else None

    def __repr__(self):
        return f"ClientContext([client={self.client},custom={self.custom},env={self.env}])"


class LambdaContext:
    """The context object a handler receives, as on AWS Lambda (and Greengrass's function_arn)."""

    def __init__(self, request_id, deadline_ms, invoked_function_arn, client_context=None):
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        # Greengrass's Python context named it so; the ARN of the version or alias invoked.
        self.function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        # A string, as on Lambda.
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get(
            "AWS_LAMBDA_LOG_GROUP_NAME", f"/aws/lambda/{self.function_name}")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME", "")
        self.identity = None
        self.client_context = client_context
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(self._deadline_ms - int(time.time() * 1000), 0)

    def __repr__(self):
        return (f"LambdaContext([aws_request_id={self.aws_request_id},"
                f"function_name={self.function_name},"
                f"function_version={self.function_version},"
                f"invoked_function_arn={self.invoked_function_arn}])")


def log(message):
    print(message, file=sys.stderr, flush=True)


def make_error(error_type, message, stack_trace, request_id=None):
    error = {"errorMessage": message, "errorType": error_type, "stackTrace": stack_trace}
    if request_id is not None:
        error["requestId"] = request_id
    return error


def user_stack_trace(exception):
    """Lambda's stackTrace: formatted frames, without this file's or importlib's frames."""
    frames = [frame for frame in traceback.extract_tb(exception.__traceback__)
              if frame.filename != __file__ and not frame.filename.startswith("<frozen importlib")]
    return traceback.format_list(frames)


def log_error(error):
    trace = "".join(error["stackTrace"]).rstrip("\n")
    log(f"[ERROR] {error['errorType']}: {error['errorMessage']}"
        + (f"\nTraceback (most recent call last):\n{trace}" if trace else ""))


def load_handler(spec):
    module_name, _, function_name = spec.rpartition(".")
    if not module_name or not function_name:
        raise InitError("Runtime.MalformedHandlerName",
                        f"Bad handler '{spec}': expected module.function")
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as e:  # no stack trace, as on Lambda: the message says it all
        raise InitError("Runtime.ImportModuleError",
                        f"Unable to import module '{module_name}': {e}")
    except SyntaxError as e:
        raise InitError("Runtime.UserCodeSyntaxError",
                        f"Syntax error in module '{module_name}': {e}",
                        [f'  File "{e.filename}" Line {e.lineno}\n    {(e.text or "").strip()}\n'])
    except Exception as e:  # code run at import time failed
        raise InitError(type(e).__name__, str(e), user_stack_trace(e))
    handler = getattr(module, function_name, None)
    if not callable(handler):
        raise InitError("Runtime.HandlerNotFound",
                        f"Handler '{function_name}' missing on module '{module_name}'")
    return handler


def _json_default(value):
    if isinstance(value, decimal.Decimal):  # as AWS's runtime does
        return float(value)
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


def serialize(result):
    """The result's body and content type; None becomes JSON null."""
    if isinstance(result, (bytes, bytearray, memoryview)):
        return bytes(result), "application/octet-stream"
    text = json.dumps(result, default=_json_default, allow_nan=False)
    return text.encode("utf-8"), "application/json"


def handle(api, handler, headers, body):
    request_id = headers.get("Lambda-Runtime-Aws-Request-Id")
    if not request_id:
        raise RuntimeApiError("GET /invocation/next answered without Lambda-Runtime-Aws-Request-Id")
    trace_id = headers.get("Lambda-Runtime-Trace-Id")
    if trace_id:
        os.environ["_X_AMZN_TRACE_ID"] = trace_id
    else:
        os.environ.pop("_X_AMZN_TRACE_ID", None)
    context = LambdaContext(request_id, int(headers.get("Lambda-Runtime-Deadline-Ms") or 0),
                            headers.get("Lambda-Runtime-Invoked-Function-Arn"),
                            ClientContext.parse(headers.get("Lambda-Runtime-Client-Context")))
    try:
        event = json.loads(body) if body else None
    except ValueError as e:
        return fail(api, make_error("Runtime.UnmarshalError",
                                    f"Unable to unmarshal input: {e}", [], request_id))
    try:
        result = handler(event, context)
    except Exception as e:
        return fail(api, make_error(type(e).__name__, str(e), user_stack_trace(e), request_id))
    try:
        payload, content_type = serialize(result)
    except (TypeError, ValueError, RecursionError) as e:
        return fail(api, make_error("Runtime.MarshalError",
                                    f"Unable to marshal response: {e}", [], request_id))
    api.post_response(request_id, payload, content_type)


def fail(api, error):
    log_error(error)
    api.post_error(error["requestId"], error)


def flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:  # a handler may have replaced or closed a stream; logs are best effort
            pass


def main():
    task_root = os.environ.get("LAMBDA_TASK_ROOT", "/var/task")
    # sys.path[0] is this script's folder; the task root takes its place, so a task module named
    # "bootstrap" is the task's, not this file. The folder comes back after it for the modules a
    # Greengrass core gave its functions (greengrass_common, greengrass_ipc_python_sdk), so that
    # the Greengrass SDK a function bundles finds them; a copy in the task's zip goes first.
    runtime_dir = sys.path[0]
    sys.path[0] = task_root
    sys.path.insert(1, runtime_dir)
    api = RuntimeApi(os.environ.get("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001"))
    try:
        handler = load_handler(os.environ.get("_HANDLER", ""))
    except InitError as e:
        error = make_error(e.error_type, str(e), e.stack_trace)
        log_error(error)
        api.post_init_error(error)
        flush()
        sys.exit(1)
    while True:
        headers, body = api.next_invocation()
        try:
            handle(api, handler, headers, body)
        finally:
            flush()


if __name__ == "__main__":
    try:
        main()
    except (OSError, RuntimeApiError) as e:  # the coordinator went away or broke the protocol
        log(f"edgecoord-runtime: Runtime API failed, exiting: {e}")
        sys.exit(2)
