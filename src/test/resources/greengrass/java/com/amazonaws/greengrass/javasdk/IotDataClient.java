package com.amazonaws.greengrass.javasdk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.amazonaws.greengrass.common.EnvVars;
import com.amazonaws.greengrass.javasdk.model.GGIotDataException;
import com.amazonaws.greengrass.javasdk.model.GGLambdaException;
import com.amazonaws.greengrass.javasdk.model.GetThingShadowRequest;
import com.amazonaws.greengrass.javasdk.model.GetThingShadowResult;
import com.amazonaws.greengrass.javasdk.model.InvocationType;
import com.amazonaws.greengrass.javasdk.model.InvokeRequest;
import com.amazonaws.greengrass.javasdk.model.InvokeResponse;
import com.amazonaws.greengrass.javasdk.model.PublishRequest;
import com.amazonaws.greengrass.javasdk.model.PublishResult;
import com.amazonaws.greengrass.javasdk.model.UpdateThingShadowRequest;
import com.amazonaws.greengrass.javasdk.model.UpdateThingShadowResult;

/** A test's stand-in of the Java Core SDK's IotDataClient: publishes and shadow calls as local invokes. */
public class IotDataClient {
    private final LambdaClient lambdaClient;

    public IotDataClient() { this(new LambdaClient()); }

    public IotDataClient(LambdaClient lambdaClient) { this.lambdaClient = lambdaClient; }

    public PublishResult publish(PublishRequest request) throws GGIotDataException, GGLambdaException {
        String context = "{\"custom\": {\"source\": \"" + EnvVars.MY_FUNCTION_ARN + "\", \"subject\": \""
                + request.getTopic() + "\"}}";
        lambdaClient.invoke(new InvokeRequest().withFunctionArn(EnvVars.ROUTER_FUNCTION_ARN)
                .withInvocationType(InvocationType.Event).withClientContext(base64(context))
                .withPayload(request.getPayload()));
        return new PublishResult();
    }

    public UpdateThingShadowResult updateThingShadow(UpdateThingShadowRequest request) throws GGIotDataException {
        UpdateThingShadowResult result = new UpdateThingShadowResult();
        result.setPayload(shadow(request.getThingName(), "UPDATE", request.getPayload()).getPayload());
        return result;
    }

    public GetThingShadowResult getThingShadow(GetThingShadowRequest request) throws GGIotDataException {
        GetThingShadowResult result = new GetThingShadowResult();
        result.setPayload(shadow(request.getThingName(), "GET",
                ByteBuffer.wrap("{}".getBytes(StandardCharsets.UTF_8))).getPayload());
        return result;
    }

    private InvokeResponse shadow(String thing, String operation, ByteBuffer payload) throws GGIotDataException {
        String subject = String.format("$aws/things/%s/shadow/%s", thing, operation.toLowerCase());
        try {
            return lambdaClient.invoke(new InvokeRequest().withFunctionArn(EnvVars.SHADOW_FUNCTION_ARN)
                    .withInvocationType(InvocationType.RequestResponse)
                    .withClientContext(base64(String.format("{\"custom\": {\"subject\": \"%s\"}}", subject)))
                    .withPayload(payload));
        }
        catch (GGLambdaException ex) {
            throw new GGIotDataException(String.format("Failed to do the shadow operation %s for %s", operation, thing), ex);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
