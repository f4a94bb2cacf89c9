package example;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.amazonaws.greengrass.javasdk.IotDataClient;
import com.amazonaws.greengrass.javasdk.LambdaClient;
import com.amazonaws.greengrass.javasdk.model.GGLambdaException;
import com.amazonaws.greengrass.javasdk.model.GetThingShadowRequest;
import com.amazonaws.greengrass.javasdk.model.InvocationType;
import com.amazonaws.greengrass.javasdk.model.InvokeRequest;
import com.amazonaws.greengrass.javasdk.model.InvokeResponse;
import com.amazonaws.greengrass.javasdk.model.PublishRequest;
import com.amazonaws.greengrass.javasdk.model.UpdateThingShadowRequest;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** A Greengrass v1 Java function as the SDK's documentation shows them. */
public class GreengrassFunction implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static final IotDataClient IOT = new IotDataClient();

    private static final LambdaClient LAMBDA = new LambdaClient();

    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            switch ((String) event.get("action")) {
                case "publish" -> {
                    IOT.publish(new PublishRequest().withTopic("gg/out/java")
                            .withPayload(bytes("{\"hello\": \"from a Greengrass Java function\"}")));
                    out.put("published", "gg/out/java");
                }
                case "shadow" -> {
                    String thing = (String) event.get("thing");
                    String update = "{\"state\": {\"reported\": {\"level\": " + event.get("level") + "}}}";
                    out.put("updated", text(IOT.updateThingShadow(new UpdateThingShadowRequest()
                            .withThingName(thing).withPayload(bytes(update))).getPayload()));
                    out.put("read", text(IOT.getThingShadow(new GetThingShadowRequest().withThingName(thing))
                            .getPayload()));
                }
                case "invoke" -> {
                    InvokeResponse sum = add("{\"a\": 2, \"b\": 3}");
                    out.put("result", text(sum.getPayload()));
                    out.put("resultError", String.valueOf(sum.getFunctionErr()));
                    out.put("resultStatus", sum.getStatusCode());
                    InvokeResponse failed = add("{\"fail\": true}");
                    out.put("failed", text(failed.getPayload()));
                    out.put("failedError", failed.getFunctionErr());
                }
                case "refused" -> {
                    try {
                        IOT.publish(new PublishRequest().withTopic("gg/secret").withPayload(bytes("{}")));
                        out.put("publish", "published");
                    }
                    catch (GGLambdaException ex) {
                        out.put("publish", ex.getClass().getSimpleName() + ": " + ex.getMessage());
                    }
                }
                case "measure" -> {
                    // Warm calls only: the first of each kind loads classes and opens connections.
                    String thing = (String) event.get("thing");
                    out.put("publish", median(() -> IOT.publish(new PublishRequest().withTopic("gg/out/measure")
                            .withPayload(bytes("{}")))));
                    out.put("shadowGet", median(() -> IOT.getThingShadow(new GetThingShadowRequest()
                            .withThingName(thing))));
                    out.put("invoke", median(() -> add("{\"a\": 1, \"b\": 1}")));
                }
                default -> throw new IllegalArgumentException("no action " + event.get("action"));
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    private static InvokeResponse add(String payload) throws GGLambdaException {
        String clientContext = Base64.getEncoder().encodeToString(
                "{\"custom\": {\"caller\": \"gg-java\"}}".getBytes(StandardCharsets.UTF_8));
        return LAMBDA.invoke(new InvokeRequest().withFunctionArn("arn:aws:lambda:edge:000000000000:function:gg-jadder")
                .withQualifier("live").withInvocationType(InvocationType.RequestResponse)
                .withClientContext(clientContext).withPayload(bytes(payload)));
    }

    private interface Call {
        Object run() throws Exception;
    }

    /** The median of 30 calls after 3 warm-up calls, in milliseconds. */
    private static double median(Call call) throws Exception {
        for (int i = 0; i < 3; i++) {
            call.run();
        }
        double[] spent = new double[30];
        for (int i = 0; i < spent.length; i++) {
            long start = System.nanoTime();
            call.run();
            spent[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(spent);
        return spent[spent.length / 2];
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer bytes) {
        return new String(bytes.array(), StandardCharsets.UTF_8);
    }
}
