package com.amazonaws.greengrass.ipcsdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.amazonaws.greengrass.common.EnvVars;

/**
 * edgecoord's IPC client: each call is a request to the environment's own Greengrass seam at
 * {@code $AWS_LAMBDA_RUNTIME_API} + {@code $GG_EDGECOORD_SEAM}. The Greengrass core's host and port
 * are accepted and ignored; the socket a request comes in on tells the coordinator which task asks.
 */
public class DefaultIPCClient implements IPCClient {

    /** How long one GET waits for the end, in seconds; a call still RUNNING after it is asked again. */
    private static final int WAIT_SECONDS = 30;

    private static final int CONNECT_MILLIS = 10_000;

    private final String base;

    public DefaultIPCClient() {
        this(System.getenv("AWS_LAMBDA_RUNTIME_API"));
    }

    public DefaultIPCClient(String endpoint, int port) {
        this();
    }

    DefaultIPCClient(String runtimeApi) {
        this.base = "http://" + runtimeApi + EnvVars.GG_EDGECOORD_SEAM + "/invocations";
    }

    @Override
    public String postWork(String functionArn, String invocationType, byte[] payload, String clientContext)
            throws IPCException {
        String body = "{\"functionArn\":" + SeamJson.quote(functionArn)
                + ",\"invocationType\":" + SeamJson.quote(invocationType == null ? "RequestResponse" : invocationType)
                + ",\"clientContext\":" + SeamJson.quote(clientContext)
                + ",\"payload\":" + SeamJson.quote(payload == null ? null : Base64.getEncoder().encodeToString(payload))
                + "}";
        Map<String, String> answer = exchange("POST", base, body, 0, "Could not post work to " + functionArn);
        String id = answer.get("invocationId");
        if (id == null) {
            throw new IPCException("Could not post work to " + functionArn,
                    new IOException("the seam answered no invocationId"));
        }
        return id;
    }

    @Override
    public WorkResult getWorkResult(String functionArn, String invocationId) throws IPCException {
        String url = base + "/" + URLEncoder.encode(invocationId, StandardCharsets.UTF_8) + "?wait=" + WAIT_SECONDS;
        while (true) {
            Map<String, String> answer = exchange("GET", url, null, WAIT_SECONDS,
                    "Could not get the result of " + invocationId + " from " + functionArn);
            String status = answer.get("status");
            if ("RUNNING".equals(status)) {
                continue;
            }
            String payload = answer.get("payload");
            byte[] bytes = payload == null ? new byte[0] : Base64.getDecoder().decode(payload);
            if ("SUCCEEDED".equals(status)) {
                return new WorkResult(bytes, null, 200);
            }
            if ("FAILED".equals(status)) {
                String error = answer.get("functionError");
                return new WorkResult(bytes, error == null ? "Unhandled" : error, 200);
            }
            throw new IPCException("Unexpected result of " + invocationId,
                    new IOException("the seam answered status " + status));
        }
    }

    private Map<String, String> exchange(String method, String url, String body, int waitSeconds, String failure)
            throws IPCException {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_MILLIS);
            // The seam holds a GET up to its wait; allow for that plus a slow coordinator.
            connection.setReadTimeout((waitSeconds + 30) * 1000);
            connection.setRequestProperty("Accept", "application/json, application/problem+json");
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                connection.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(bytes);
                }
            }
            int status = connection.getResponseCode();
            String text = read(status < 400 ? connection.getInputStream() : connection.getErrorStream());
            Map<String, String> answer = SeamJson.members(text);
            if (status >= 300) {
                throw new IPCException(failure, new IOException(refusal(status, answer, text)));
            }
            return answer;
        }
        catch (IOException ex) {
            throw new IPCException(failure, ex);
        }
    }

    /** A refusal as one line: the status, the problem type's slug and its detail. */
    private static String refusal(int status, Map<String, String> problem, String text) {
        String type = problem.getOrDefault("type", "");
        String slug = type.substring(type.lastIndexOf('/') + 1);
        String detail = problem.getOrDefault("detail", problem.getOrDefault("title", text));
        return "HTTP " + status + (slug.isEmpty() ? "" : " " + slug) + ": " + detail;
    }

    private static String read(InputStream in) throws IOException {
        if (in == null) {
            return "";
        }
        try (in) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
