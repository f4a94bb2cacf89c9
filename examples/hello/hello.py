# The README's quick-start task: greets the event's name with the GREETING environment variable.
import os


def handle(event, context):
    print("greeting", event["name"])
    return {"message": os.environ["GREETING"] + ", " + event["name"]}
