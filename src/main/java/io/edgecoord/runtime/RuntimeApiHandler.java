package io.edgecoord.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the Runtime API for every environment; the connector a request came in on says which
 * environment's exchange it may see, so one environment can never take or answer another's
 * invocations. Bodies are read blocking, which is cheap because handlers run on virtual threads.
 */
final class RuntimeApiHandler extends Handler.Abstract {

    private static final String JSON = "application/json";
    private static final String ERROR_TYPE_HEADER = "Lambda-Runtime-Function-Error-Type";

    private final Function<Connector, InvocationExchange> exchanges;
    private final Supplier<EnvironmentServices> services;
    private final int maxResponseSize;
    private final ErrorDocumentReader errors = new ErrorDocumentReader();
    private final JsonMapper json = JsonMapper.shared();

    RuntimeApiHandler(Function<Connector, InvocationExchange> exchanges, Supplier<EnvironmentServices> services,
            int maxResponseSize) {
        this.exchanges = exchanges;
        this.services = services;
        this.maxResponseSize = maxResponseSize;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        InvocationExchange exchange = exchanges.apply(request.getConnectionMetaData().getConnector());
        if (exchange == null) {
            reply(response, callback, 410, error("Runtime API endpoint is closed", "EndpointClosed"));
            return true;
        }
        switch (RuntimeRoute.of(request.getMethod(), request.getHttpURI().getPath())) {
            case RuntimeRoute.Next next -> next(exchange, request, response, callback);
            case RuntimeRoute.Response answer -> response(exchange, answer.requestId(), request, response, callback);
            case RuntimeRoute.Error answer -> {
                byte[] body = readAtMost(request).bytes();
                var outcome = errors.functionError(body, request.getHeaders().get(ERROR_TYPE_HEADER));
                accepted(exchange.answer(answer.requestId(), outcome), answer.requestId(), response, callback);
            }
            case RuntimeRoute.InitError init -> {
                byte[] body = readAtMost(request).bytes();
                exchange.initFailed(errors.initError(body, request.getHeaders().get(ERROR_TYPE_HEADER)));
                reply(response, callback, 202, "{\"status\":\"OK\"}");
            }
            case RuntimeRoute.MethodNotAllowed wrong -> {
                response.getHeaders().put(HttpHeader.ALLOW, wrong.allowed());
                reply(response, callback, 405, error("Method not allowed", "MethodNotAllowed"));
            }
            case RuntimeRoute.Services call -> services(call, request, response, callback);
            case RuntimeRoute.NotFound notFound -> reply(response, callback, 404, error("Not found", "NotFound"));
        }
        return true;
    }

    private void services(RuntimeRoute.Services call, Request request, Response response, Callback callback)
            throws IOException {
        EnvironmentServices target = services.get();
        if (target == null) {
            reply(response, callback, 404, error("No coordinator services are offered here", "NotFound"));
            return;
        }
        String environmentId = request.getConnectionMetaData().getConnector().getName();
        Body body = readAtMost(request);
        if (!body.complete()) {
            reply(response, callback, 413, error("Request body too large", "RequestEntityTooLarge"));
            return;
        }
        EnvironmentServices.Reply reply = target.handle(
                new EnvironmentServices.Request(environmentId, request.getMethod(), call.path(), body.bytes(),
                        request.getHttpURI().getQuery()));
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        response.write(true, ByteBuffer.wrap(reply.body()), callback);
    }

    private void next(InvocationExchange exchange, Request request, Response response, Callback callback) {
        CompletableFuture<RuntimeInvocation> poller = exchange.next();
        // A long poll waits for as long as it takes; the idle timeout applies again once it is answered.
        request.addIdleTimeoutListener(timeout -> poller.isDone());
        request.addFailureListener(failure -> {
            exchange.abandon(poller);
            poller.completeExceptionally(failure);
        });
        poller.whenComplete((invocation, failure) -> {
            if (failure instanceof RuntimeEndpointClosedException) {
                reply(response, callback, 410, error(failure.getMessage(), "EndpointClosed"));
                return;
            }
            if (failure != null) {
                callback.failed(failure);
                return;
            }
            response.setStatus(200);
            HttpFields.Mutable headers = response.getHeaders();
            headers.put(HttpHeader.CONTENT_TYPE, JSON);
            headers.put("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
            headers.put("Lambda-Runtime-Deadline-Ms", Long.toString(invocation.deadlineEpochMs()));
            putIfPresent(headers, "Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn());
            putIfPresent(headers, "Lambda-Runtime-Trace-Id", invocation.traceId());
            putIfPresent(headers, "Lambda-Runtime-Client-Context", invocation.clientContext());
            byte[] payload = invocation.payload() == null ? new byte[0] : invocation.payload();
            // Jetty does not notice a poller hanging up while we wait, only when this write fails.
            response.write(true, ByteBuffer.wrap(payload), Callback.from(callback::succeeded, writeFailure -> {
                exchange.returnUndelivered(invocation.requestId());
                callback.failed(writeFailure);
            }));
        });
    }

    private void response(InvocationExchange exchange, String requestId, Request request, Response response,
            Callback callback) throws Exception {
        Body body = readAtMost(request);
        if (body.complete()) {
            accepted(exchange.answer(requestId, new RuntimeOutcome.Success(body.bytes())), requestId, response,
                    callback);
            return;
        }
        String message = "Response payload size exceeded maximum allowed payload size (" + maxResponseSize
                + " bytes).";
        byte[] document = error(message, "Function.ResponseSizeTooLarge").getBytes(StandardCharsets.UTF_8);
        var outcome = new RuntimeOutcome.FunctionError("Function.ResponseSizeTooLarge", message, document);
        if (exchange.answer(requestId, outcome)) {
            reply(response, callback, 413, error(message, "RequestEntityTooLarge"));
        }
        else {
            invalidRequestId(requestId, response, callback);
        }
    }

    /** A body cut at maxResponseSize; complete is false if there was more, which is drained. */
    private record Body(byte[] bytes, boolean complete) {
    }

    private Body readAtMost(Request request) throws IOException {
        InputStream in = Content.Source.asInputStream(request);
        byte[] bytes = in.readNBytes(maxResponseSize + 1);
        if (bytes.length <= maxResponseSize) {
            return new Body(bytes, true);
        }
        // Drain the rest so the runtime reads our answer on a connection it can reuse.
        in.transferTo(OutputStream.nullOutputStream());
        return new Body(Arrays.copyOf(bytes, maxResponseSize), false);
    }

    private void accepted(boolean answered, String requestId, Response response, Callback callback) {
        if (answered) {
            reply(response, callback, 202, "{\"status\":\"OK\"}");
        }
        else {
            invalidRequestId(requestId, response, callback);
        }
    }

    private void invalidRequestId(String requestId, Response response, Callback callback) {
        reply(response, callback, 400,
                error("Invalid request ID: " + requestId + " is not awaiting an answer here", "InvalidRequestID"));
    }

    private String error(String message, String type) {
        Map<String, String> document = new LinkedHashMap<>();
        document.put("errorMessage", message);
        document.put("errorType", type);
        return json.writeValueAsString(document);
    }

    private static void reply(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        Content.Sink.write(response, true, body, callback);
    }

    private static void putIfPresent(HttpFields.Mutable headers, String name, String value) {
        if (value != null) {
            headers.put(name, value);
        }
    }
}
