# Greengrass's HelloWorld sample, in its shape: a pinned function whose module starts a Timer loop
# at import that publishes every second (the sample waits five), and a handler that is never called.
import platform
from threading import Timer

import greengrasssdk

client = greengrasssdk.client('iot-data')
my_platform = platform.platform()


def greengrass_hello_world_run():
    client.publish(topic='hello/world', payload='Hello world! Sent from Greengrass Core running on platform: {}'.format(my_platform))
    Timer(1, greengrass_hello_world_run).start()


greengrass_hello_world_run()


def function_handler(event, context):
    return
