def function_handler(event, context):
    if event.get('fail'):
        raise ValueError('cannot add')
    return {'sum': event['a'] + event['b'], 'arn': context.invoked_function_arn,
            'custom': context.client_context.custom if context.client_context else None}
