package com.amazonaws.greengrass.javasdk;

import java.nio.ByteBuffer;

import com.amazonaws.greengrass.common.FunctionArnFields;
import com.amazonaws.greengrass.common.GreengrassLogger;
import com.amazonaws.greengrass.common.InvalidArnException;
import com.amazonaws.greengrass.ipcsdk.DefaultIPCClient;
import com.amazonaws.greengrass.ipcsdk.IPCClient;
import com.amazonaws.greengrass.ipcsdk.IPCException;
import com.amazonaws.greengrass.ipcsdk.WorkResult;
import com.amazonaws.greengrass.javasdk.model.GGLambdaException;
import com.amazonaws.greengrass.javasdk.model.InvocationType;
import com.amazonaws.greengrass.javasdk.model.InvokeRequest;
import com.amazonaws.greengrass.javasdk.model.InvokeResponse;

/** A test's stand-in of the Java Core SDK's LambdaClient: it calls the IPC client as the real one does. */
public class LambdaClient {
    private final IPCClient ipcClient;
    private final GreengrassLogger logger;

    public LambdaClient() { this(new DefaultIPCClient()); }

    public LambdaClient(IPCClient ipcClient) {
        this.ipcClient = ipcClient;
        this.logger = new GreengrassLogger();
    }

    public InvokeResponse invoke(InvokeRequest request) throws GGLambdaException {
        if (request.getFunctionArn() == null) {
            throw new GGLambdaException("Invoke Request is invalid");
        }
        if (request.getInvocationType() == null) {
            request.setInvocationType(InvocationType.RequestResponse);
        }
        FunctionArnFields fields;
        try {
            fields = FunctionArnFields.fromString(request.getFunctionArn());
        }
        catch (InvalidArnException ex) {
            throw new GGLambdaException("Invoke Request is invalid", ex);
        }
        if (request.getQualifier() != null && fields.getQualifier() == null) {
            request.setFunctionArn(request.getFunctionArn() + ":" + request.getQualifier());
        }
        else {
            request.setQualifier(fields.getQualifier());
        }
        ByteBuffer payload = request.getPayload() == null ? ByteBuffer.wrap(new byte[0]) : request.getPayload();
        logger.debug("Invoking lambda " + request.getFunctionArn());
        String id;
        try {
            id = ipcClient.postWork(request.getFunctionArn(), request.getInvocationType().name(), payload.array(),
                    request.getClientContext());
        }
        catch (IPCException ex) {
            throw new GGLambdaException("Post work error: " + ex.getCause());
        }
        InvokeResponse response = new InvokeResponse();
        if (request.getInvocationType() != InvocationType.RequestResponse) {
            response.setStatusCode(202);
            return response;
        }
        try {
            WorkResult result = ipcClient.getWorkResult(request.getFunctionArn(), id);
            response.setPayload(ByteBuffer.wrap(result.getPayload()));
            response.setStatusCode(result.getStatusCode());
            response.setFunctionErr(result.getFunctionErr());
            return response;
        }
        catch (IPCException ex) {
            throw new GGLambdaException("Failed to get work result for function: " + request.getFunctionArn(), ex);
        }
    }
}
