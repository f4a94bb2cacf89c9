# The README's device example: gets a device's readings (a subscription on
# devices/+/readings/#) and answers the setpoint the device should have; a second subscription
# writes that answer into the device's shadow as its desired state, and the shadow writes it to
# the device. The event is the routing envelope: {"type", "source", "subject", "data": {"device",
# "source", "values", "changed"}}.
def handle(event, context):
    values = event.get("data", {}).get("values", {})
    temperature = values.get("temperature")
    if temperature is None:
        return {}
    setpoint = 20.0 if temperature > 24.0 else 22.0
    print("temperature", temperature, "-> setpoint", setpoint)
    return {"setpoint": setpoint}
