"""edgecoord's stand-in for the module a Greengrass v1 core gave its Python functions.

Greengrass's Core SDK (greengrasssdk) imports env_vars and function_arn_fields from here; the
values come from the variables edgecoord sets in every environment (docs/greengrass.md).
"""
