"""client('lambda'): invoke(FunctionName=, InvocationType=, Payload=, ClientContext=, Qualifier=)."""

import io

from greengrass_common.function_arn_fields import FunctionArnFields
from greengrass_ipc_python_sdk.ipc_client import IPCClient, IPCException
from greengrasssdk.utils.testing import mock


class InvocationException(Exception):
    pass


class StreamingBody:
    """The Payload of a RequestResponse answer: read() it, as boto3's."""

    def __init__(self, payload):
        self._stream = io.BytesIO(payload)

    def read(self, amt=None):
        return self._stream.read(amt)

    def close(self):
        self._stream.close()


class Client:
    def __init__(self, endpoint="localhost", port=None):
        self.ipc = IPCClient(endpoint=endpoint)

    def invoke(self, **kwargs):
        if "FunctionName" not in kwargs:
            raise ValueError('"FunctionName" is a required argument of Lambda.Client.invoke.')
        fields = FunctionArnFields(kwargs["FunctionName"])
        extra = kwargs.get("Qualifier", "")
        if extra and fields.qualifier and extra != fields.qualifier:
            raise ValueError("The qualifier in FunctionName does not match Qualifier.")
        arn = FunctionArnFields.build_function_arn(fields.unqualified_arn, fields.qualifier or extra)
        context = kwargs.get("ClientContext", b"")
        context = context.decode() if isinstance(context, (bytes, bytearray)) else context
        return self._invoke_internal(arn, kwargs.get("Payload", b""), context,
                                     kwargs.get("InvocationType", "RequestResponse"))

    @mock
    def _invoke_internal(self, function_arn, payload, client_context, invocation_type="RequestResponse"):
        try:
            work_id = self.ipc.post_work(function_arn, payload, client_context, invocation_type)
            if invocation_type == "Event":
                return {"Payload": b"", "FunctionError": ""}
            result = self.ipc.get_work_result(function_arn, work_id)
            payload = result.payload if result.func_err else StreamingBody(result.payload)
            return {"Payload": payload, "FunctionError": result.func_err}
        except IPCException as e:
            raise InvocationException("Failed to invoke function due to " + str(e))
