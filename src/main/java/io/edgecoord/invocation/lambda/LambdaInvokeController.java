package io.edgecoord.invocation.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.invocation.api.Bodies;
import io.edgecoord.invocation.api.CallLimits;
import io.edgecoord.invocation.api.SyncResults;
import io.edgecoord.invocation.lifecycle.InvocationProperties;
import io.edgecoord.invocation.lifecycle.InvocationService;
import io.edgecoord.invocation.store.Invocation;
import io.edgecoord.invocation.store.InvocationLog;
import io.edgecoord.task.AliasNotFoundException;
import io.edgecoord.task.TaskNotFoundException;

/**
 * The AWS Lambda Invoke API, so that AWS's own clients (the CLI, the SDKs) invoke tasks unchanged.
 * Its errors take Lambda's shape ({@link LambdaErrorHandler}), not RFC 9457 problems.
 */
@Tag(name = "lambda", description = "AWS Lambda's Invoke API, for AWS SDKs and the CLI")
@RestController
class LambdaInvokeController {

    /** How long a call that asked for its log tail waits for the output to be closed after the result. */
    static final Duration TAIL_WAIT = Duration.ofSeconds(1);

    private final InvocationService invocations;
    private final InvocationProperties properties;
    private final JsonMapper json;

    LambdaInvokeController(InvocationService invocations, InvocationProperties properties, JsonMapper json) {
        this.invocations = invocations;
        this.properties = properties;
        this.json = json;
    }

    // The body comes first: once its stream is taken, a form content type cannot make the
    // container parse the payload as parameters when the Qualifier parameter is read.
    @Operation(operationId = "lambdaInvoke", summary = "Invoke a task as AWS Lambda's Invoke API does",
            description = "`X-Amz-Invocation-Type`: `RequestResponse` (default), `Event` (202) or `DryRun` (204); "
                    + "`X-Amz-Log-Type: Tail` returns the end of the logs in `X-Amz-Log-Result`. A function's "
                    + "failure answers 200 with `X-Amz-Function-Error: Unhandled`; errors carry `x-amzn-ErrorType`.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false, description = "The event: any JSON "
            + "value, passed to the function as it is", content = @Content(mediaType = "application/json",
                    schema = @Schema(ref = "#/components/schemas/JsonValue"), examples = @ExampleObject("{\"name\":\"edge\"}")))
    @PostMapping("/2015-03-31/functions/{function}/invocations")
    ResponseEntity<?> invoke(InputStream body, @PathVariable String function,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestHeader(name = "X-Amz-Invocation-Type", required = false) String invocationType,
            @RequestHeader(name = "X-Amz-Log-Type", required = false) String logType,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization)
            throws IOException, InterruptedException {
        LambdaInvokeRequest request = LambdaInvokeRequest.parse(function, qualifier, invocationType, logType,
                authorization);
        byte[] payload = Bodies.readBounded(body, properties.maxPayloadSize().toBytes());
        try {
            return switch (request.type()) {
                case DRY_RUN -> {
                    if (request.namesAlias()) {
                        invocations.checkQualified(request.function(), request.qualifier(), payload);
                    }
                    else {
                        invocations.check(request.function(), request.version(), payload);
                    }
                    yield ResponseEntity.noContent().header(LambdaResults.REQUEST_ID, UUID.randomUUID().toString())
                            .build();
                }
                case EVENT -> event(request, payload);
                case REQUEST_RESPONSE -> requestResponse(request, payload);
            };
        }
        catch (TaskNotFoundException | AliasNotFoundException ex) {
            throw new LambdaFunctionNotFoundException(request.arn());
        }
    }

    private ResponseEntity<?> event(LambdaInvokeRequest request, byte[] payload) {
        Invocation accepted = submit(request, payload, Invocation.Mode.ASYNC).invocation();
        return ResponseEntity.accepted().location(URI.create(SyncResults.location(accepted)))
                .header(LambdaResults.REQUEST_ID, accepted.id()).header(SyncResults.INVOCATION_ID, accepted.id())
                .build();
    }

    private ResponseEntity<?> requestResponse(LambdaInvokeRequest request, byte[] payload)
            throws InterruptedException {
        InvocationService.Accepted accepted = submit(request, payload, Invocation.Mode.SYNC);
        Invocation ended;
        try {
            ended = accepted.done().get(accepted.maxWait().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            ended = invocations.find(accepted.invocation().id());
        }
        ResponseEntity<?> response = executedAs(request, LambdaResults.render(ended, json));
        if (!request.tailLogs() || !response.getStatusCode().is2xxSuccessful()) {
            return response;
        }
        return ResponseEntity.status(response.getStatusCode()).headers(response.getHeaders())
                .header(LambdaResults.LOG_RESULT, LambdaResults.tail(logOf(accepted)))
                .body(response.getBody());
    }

    /**
     * Lambda names {@code $LATEST} as the executed version of a call of {@code $LATEST} (or of no
     * qualifier), and the number for a version or an alias; the record keeps the number either way.
     */
    private static ResponseEntity<?> executedAs(LambdaInvokeRequest request, ResponseEntity<?> response) {
        if (!request.qualifier().equals(LambdaInvokeRequest.LATEST)
                || !response.getHeaders().containsHeader(LambdaResults.EXECUTED_VERSION)) {
            return response;
        }
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.putAll(response.getHeaders());
        headers.set(LambdaResults.EXECUTED_VERSION, LambdaInvokeRequest.LATEST);
        return ResponseEntity.status(response.getStatusCode()).headers(headers).body(response.getBody());
    }

    /** An alias goes through its routing (and is recorded); $LATEST and versions as before. */
    private InvocationService.Accepted submit(LambdaInvokeRequest request, byte[] payload, Invocation.Mode mode) {
        return request.namesAlias()
                ? invocations.invokeQualified(request.function(), request.qualifier(), payload, mode, CallLimits.NONE)
                : invocations.invoke(request.function(), request.version(), payload, mode);
    }

    /**
     * The invocation's output, waiting a little for it to be closed: the result comes back before
     * the function's last lines are attributed to it.
     */
    private String logOf(InvocationService.Accepted accepted) throws InterruptedException {
        try {
            return accepted.output().get(TAIL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ex) {
            return invocations.logs(accepted.invocation().id()).map(InvocationLog::text).orElse("");
        }
    }
}
