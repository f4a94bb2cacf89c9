"""client('iot-data'): publish(topic=, payload=), get/update/delete_thing_shadow(thingName=, payload=)."""

import base64
import json

from greengrass_common.env_vars import MY_FUNCTION_ARN, ROUTER_FUNCTION_ARN, SHADOW_FUNCTION_ARN
from greengrasssdk import Lambda


class ShadowError(Exception):
    pass


def _context(document):
    return base64.b64encode(json.dumps(document).encode())


class Client:
    def __init__(self):
        self.lambda_client = Lambda.Client()

    def publish(self, **kwargs):
        topic = self._required("topic", kwargs)
        custom = {"source": MY_FUNCTION_ARN, "subject": topic,
                  "queueFullPolicy": kwargs.get("queueFullPolicy", "")}
        self.lambda_client._invoke_internal(ROUTER_FUNCTION_ARN, kwargs.get("payload", b""),
                                            _context({"custom": custom}), "Event")

    def get_thing_shadow(self, **kwargs):
        return self._shadow("get", self._required("thingName", kwargs), b"")

    def update_thing_shadow(self, **kwargs):
        return self._shadow("update", self._required("thingName", kwargs), self._required("payload", kwargs))

    def delete_thing_shadow(self, **kwargs):
        return self._shadow("delete", self._required("thingName", kwargs), b"")

    def _shadow(self, operation, thing, payload):
        topic = "$aws/things/{}/shadow/{}".format(thing, operation)
        answer = self.lambda_client._invoke_internal(SHADOW_FUNCTION_ARN, payload,
                                                     _context({"custom": {"subject": topic}}))
        if answer["FunctionError"] != "":
            raise ShadowError("Shadow request returned FunctionError {} with {!r}".format(
                answer["FunctionError"], answer["Payload"]))
        document = answer["Payload"].read()
        parsed = json.loads(document.decode("utf-8"))
        if "code" in parsed and "message" in parsed:
            raise ShadowError("Shadow request returned error code {} with message {!r}".format(
                parsed["code"], parsed["message"]))
        return {"payload": document}

    @staticmethod
    def _required(name, kwargs):
        if name not in kwargs:
            raise ValueError('Parameter "{}" is required.'.format(name))
        return kwargs[name]
