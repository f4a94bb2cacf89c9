package example;

import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The function the Greengrass function invokes: a sum, the ARN invoked, the caller from the client context. */
public class Adder implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        if (Boolean.TRUE.equals(event.get("fail"))) {
            throw new IllegalArgumentException("cannot add");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sum", ((Number) event.get("a")).intValue() + ((Number) event.get("b")).intValue());
        out.put("arn", context.getInvokedFunctionArn());
        out.put("caller",
                context.getClientContext() == null ? null : context.getClientContext().getCustom().get("caller"));
        return out;
    }
}
