"""The Greengrass variables of this environment, read once at import as Greengrass's SDK expects.

MY_FUNCTION_ARN is None outside edgecoord and Greengrass, which the SDK's test mock relies on.
"""

import os

MY_FUNCTION_ARN = os.environ.get("MY_FUNCTION_ARN")
SHADOW_FUNCTION_ARN = os.environ.get("SHADOW_FUNCTION_ARN")
ROUTER_FUNCTION_ARN = os.environ.get("ROUTER_FUNCTION_ARN")
AUTH_TOKEN = os.environ.get("AUTH_TOKEN")
GG_EDGECOORD_SEAM = os.environ.get("GG_EDGECOORD_SEAM", "/edgecoord/v1/greengrass")
# Greengrass's secrets manager: edgecoord has none, so calls of it find no such function (404).
SECRETS_MANAGER_FUNCTION_ARN = (ROUTER_FUNCTION_ARN.rsplit(":", 1)[0] + ":GGSecretManager"
                                if ROUTER_FUNCTION_ARN else None)
