def client(client_type, *args, **kwargs):
    """A client of a Greengrass core service: 'lambda' or 'iot-data'."""
    if client_type == "lambda":
        from .Lambda import Client
    elif client_type == "iot-data":
        from .IoTDataPlane import Client
    else:
        raise Exception("Client type {!r} is not recognized.".format(client_type))
    return Client(*args, **kwargs)
