"""Lambda function ARNs as Greengrass's SDK takes them apart and puts them together.

arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]; a bare function name is taken
as one of this account's functions (the region and account of MY_FUNCTION_ARN), as Lambda does.
"""

import os

_PREFIX = ("arn", "aws", "lambda")


class FunctionArnFields:
    """The parts of a function ARN: region, account_id, name and qualifier ('' when none)."""

    def __init__(self, function_arn):
        if not isinstance(function_arn, str) or not function_arn:
            raise ValueError("Cannot parse given string as a function ARN: {!r}".format(function_arn))
        parts = function_arn.split(":")
        if len(parts) == 1 or (len(parts) == 2 and parts[0] != "arn"):
            region, account = _own_region_and_account()
            parts = ["arn", "aws", "lambda", region, account, "function"] + parts
        if (len(parts) not in (7, 8) or tuple(parts[:3]) != _PREFIX or parts[5] != "function"
                or not parts[6] or (len(parts) == 8 and not parts[7])):
            raise ValueError("Cannot parse given string as a function ARN: {!r}".format(function_arn))
        self.region = parts[3]
        self.account_id = parts[4]
        self.name = parts[6]
        self.qualifier = parts[7] if len(parts) == 8 else ""

    @property
    def unqualified_arn(self):
        return self.build_arn_string(self.region, self.account_id, self.name)

    def to_arn_string(self):
        return self.build_arn_string(self.region, self.account_id, self.name, self.qualifier)

    @staticmethod
    def build_arn_string(region, account_id, name, qualifier=None):
        arn = "arn:aws:lambda:{}:{}:function:{}".format(region, account_id, name)
        return arn + ":" + qualifier if qualifier else arn

    @staticmethod
    def build_function_arn(unqualified_arn, qualifier=None):
        return unqualified_arn + ":" + qualifier if qualifier else unqualified_arn

    def __repr__(self):
        return "FunctionArnFields({!r})".format(self.to_arn_string())


def _own_region_and_account():
    own = os.environ.get("MY_FUNCTION_ARN", "").split(":")
    if len(own) >= 5 and own[0] == "arn":
        return own[3], own[4]
    return "edge", "000000000000"
