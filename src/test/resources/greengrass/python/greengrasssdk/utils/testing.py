"""Outside a core (no MY_FUNCTION_ARN) calls are answered locally, as the documented SDK does."""

import json
from functools import wraps

from greengrass_common.env_vars import MY_FUNCTION_ARN


def mock(func):
    @wraps(func)
    def invoke_or_mock(self, function_arn, payload, client_context, invocation_type="RequestResponse"):
        if MY_FUNCTION_ARN is not None:
            return func(self, function_arn, payload, client_context, invocation_type)
        if invocation_type == "Event":
            return {"Payload": b"", "FunctionError": ""}
        return {"Payload": json.dumps({"TestKey": "TestValue"}), "FunctionError": ""}
    return invoke_or_mock
