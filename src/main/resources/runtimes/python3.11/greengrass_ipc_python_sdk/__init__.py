"""edgecoord's stand-in for the IPC client a Greengrass v1 core gave its Python functions."""
