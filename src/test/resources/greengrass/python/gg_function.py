# A Greengrass v1 function as the Greengrass documentation writes them: SDK clients made at
# import, one handler. The test drives it by the event's "action"; a subscription's call is told
# apart by the subject Greengrass puts in its client context.
import base64
import json
import os
import time

import greengrasssdk

iot_client = greengrasssdk.client('iot-data')
lambda_client = greengrasssdk.client('lambda')

ADDER = 'arn:aws:lambda:us-east-1:123456789012:function:gg-adder'


def function_handler(event, context):
    custom = context.client_context.custom if context.client_context else None
    if custom and custom.get('subject', '').startswith('gg/in/'):
        iot_client.publish(topic='gg/out/seen', payload=json.dumps({'subject': custom['subject'], 'event': event}))
        return {'seen': custom['subject']}
    action = event['action']
    if action == 'publish':
        iot_client.publish(topic='gg/out/hello', payload=json.dumps({'hello': 'from a Greengrass function'}))
        return {'published': 'gg/out/hello'}
    if action == 'shadow':
        updated = iot_client.update_thing_shadow(
            thingName=event['thing'], payload=json.dumps({'state': {'reported': {'level': event['level']}}}))
        read = iot_client.get_thing_shadow(thingName=event['thing'])
        return {'updated': json.loads(updated['payload']), 'read': json.loads(read['payload'])}
    if action == 'invoke':
        answer = lambda_client.invoke(FunctionName=ADDER + ':live', InvocationType='RequestResponse',
                                      Payload=json.dumps({'a': 2, 'b': 3}),
                                      ClientContext=base64.b64encode(json.dumps({'custom': {'caller': 'gg-fn'}}).encode()))
        failed = lambda_client.invoke(FunctionName=ADDER, Payload=json.dumps({'fail': True}))
        lambda_client.invoke(FunctionName=ADDER, InvocationType='Event', Payload=json.dumps({'a': 1, 'b': 1}))
        return {'result': json.loads(answer['Payload'].read()), 'resultError': answer['FunctionError'],
                'failedError': failed['FunctionError'], 'failedPayload': json.loads(failed['Payload'])}
    if action == 'refused':
        return {'publish': error_of(lambda: iot_client.publish(topic='gg/secret', payload='x')),
                'invoke': error_of(lambda: lambda_client.invoke(
                    FunctionName='arn:aws:lambda:edge:000000000000:function:gg-private', Payload='{}')),
                'shadow': error_of(lambda: iot_client.get_thing_shadow(thingName=event['empty']))}
    if action == 'context':
        return {'function_arn': context.function_arn, 'invoked_function_arn': context.invoked_function_arn,
                'aws_request_id': context.aws_request_id, 'remaining': context.get_remaining_time_in_millis(),
                'client_context': vars(context.client_context) if context.client_context else None,
                'MY_FUNCTION_ARN': os.environ['MY_FUNCTION_ARN']}
    if action == 'measure':
        iot_client.update_thing_shadow(thingName=event['thing'], payload=json.dumps({'state': {'reported': {'m': 1}}}))
        adder = 'arn:aws:lambda:edge:000000000000:function:' + event['adder']
        return {'publish': timed(lambda: iot_client.publish(topic='gg/out/measure', payload='m')),
                'shadowGet': timed(lambda: iot_client.get_thing_shadow(thingName=event['thing'])),
                'invoke': timed(lambda: lambda_client.invoke(FunctionName=adder, Payload='{"a": 1, "b": 2}'))}
    raise ValueError('unknown action ' + action)


def timed(call, times=30):
    """Milliseconds each of `times` calls took, after one warm-up call: median and slowest."""
    call()
    spent = []
    for _ in range(times):
        start = time.perf_counter()
        call()
        spent.append((time.perf_counter() - start) * 1000)
    spent.sort()
    return {'median': round(spent[len(spent) // 2], 2), 'max': round(spent[-1], 2)}


def error_of(call):
    try:
        call()
        return None
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
