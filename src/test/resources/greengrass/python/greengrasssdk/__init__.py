"""Test stand-in for AWS IoT Greengrass Core SDK for Python: greengrasssdk.client(name)."""

from .client import client

__version__ = "1.6.1-edgecoord-test"
