package io.edgecoord.task;

import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Lambda's aliases, reserved concurrency and account settings, over edgecoord's aliases and tasks. */
@Tag(name = "lambda", description = "AWS Lambda's Invoke API, for AWS SDKs and the CLI")
@RestController
class LambdaAliasController {

    private static final String ALIASES = "/2015-03-31/functions/{function}/aliases";

    private final TaskAliases aliases;

    private final LambdaFunctions functions;

    private final TaskRegistry registry;

    LambdaAliasController(TaskAliases aliases, LambdaFunctions functions, TaskRegistry registry) {
        this.aliases = aliases;
        this.functions = functions;
        this.registry = registry;
    }

    @Operation(operationId = "lambdaCreateAlias", summary = "Lambda CreateAlias")
    @PostMapping(ALIASES)
    ResponseEntity<Map<String, Object>> create(@PathVariable String function, @RequestBody JsonNode body,
            @RequestHeader HttpHeaders headers) {
        String name = LambdaFunctionController.name(function);
        String alias = body.path("Name").asString("");
        if (this.aliases.find(name, alias).isPresent()) {
            throw LambdaException.conflict("Alias already exists: "
                    + LambdaShapes.arn(LambdaFunctionController.region(headers), name, alias));
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(put(name, alias, body, headers, ""));
    }

    @Operation(operationId = "lambdaGetAlias", summary = "Lambda GetAlias")
    @GetMapping(ALIASES + "/{alias}")
    Map<String, Object> get(@PathVariable String function, @PathVariable String alias,
            @RequestHeader HttpHeaders headers) {
        String name = LambdaFunctionController.name(function);
        return LambdaShapes.alias(LambdaFunctionController.region(headers), this.aliases.find(name, alias)
            .orElseThrow(() -> new AliasNotFoundException(name, alias)));
    }

    @Operation(operationId = "lambdaUpdateAlias", summary = "Lambda UpdateAlias")
    @PutMapping(ALIASES + "/{alias}")
    Map<String, Object> update(@PathVariable String function, @PathVariable String alias, @RequestBody JsonNode body,
            @RequestHeader HttpHeaders headers) {
        String name = LambdaFunctionController.name(function);
        AliasRouting now = this.aliases.find(name, alias).orElseThrow(() -> new AliasNotFoundException(name, alias));
        // UpdateAlias may leave out the version it does not change.
        return put(name, alias, body, headers, String.valueOf(now.version()));
    }

    @Operation(operationId = "lambdaDeleteAlias", summary = "Lambda DeleteAlias")
    @DeleteMapping(ALIASES + "/{alias}")
    ResponseEntity<Void> delete(@PathVariable String function, @PathVariable String alias) {
        this.aliases.delete(LambdaFunctionController.name(function), alias);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "lambdaListAliases", summary = "Lambda ListAliases")
    @GetMapping(ALIASES)
    Map<String, Object> list(@PathVariable String function, @RequestHeader HttpHeaders headers) {
        return Map.of("Aliases", this.aliases.list(LambdaFunctionController.name(function)).stream()
            .map((alias) -> LambdaShapes.alias(LambdaFunctionController.region(headers), alias))
            .toList());
    }

    @Operation(operationId = "lambdaPutFunctionConcurrency", summary = "Lambda PutFunctionConcurrency: the most "
            + "environments")
    @PutMapping("/2017-10-31/functions/{function}/concurrency")
    Map<String, Object> putConcurrency(@PathVariable String function, @RequestBody JsonNode body) {
        JsonNode reserved = body.path("ReservedConcurrentExecutions");
        if (!reserved.isNumber()) {
            throw LambdaException.invalid("ReservedConcurrentExecutions is required.");
        }
        String name = LambdaFunctionController.name(function);
        this.functions.concurrency(name, reserved.asInt());
        return Map.of("ReservedConcurrentExecutions", this.functions.concurrency(name));
    }

    @Operation(operationId = "lambdaDeleteFunctionConcurrency", summary = "Lambda DeleteFunctionConcurrency")
    @DeleteMapping("/2017-10-31/functions/{function}/concurrency")
    ResponseEntity<Void> deleteConcurrency(@PathVariable String function) {
        this.functions.concurrency(LambdaFunctionController.name(function), null);
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "lambdaGetAccountSettings", summary = "Lambda GetAccountSettings")
    @GetMapping("/2016-08-19/account-settings")
    Map<String, Object> accountSettings() {
        Map<String, Object> limit = new LinkedHashMap<>();
        limit.put("TotalCodeSize", 75L * 1024 * 1024 * 1024);
        limit.put("CodeSizeUnzipped", 250L * 1024 * 1024);
        limit.put("CodeSizeZipped", 50L * 1024 * 1024);
        limit.put("ConcurrentExecutions", 1000);
        limit.put("UnreservedConcurrentExecutions", 1000);
        long functions = this.registry.listAfter("", 10_000).size();
        return Map.of("AccountLimit", limit, "AccountUsage", Map.of("TotalCodeSize", 0, "FunctionCount", functions));
    }

    @Operation(hidden = true) // the same, with the trailing slash some SDKs send
    @GetMapping("/2016-08-19/account-settings/")
    Map<String, Object> accountSettingsWithSlash() {
        return accountSettings();
    }

    private Map<String, Object> put(String name, String alias, JsonNode body, HttpHeaders headers,
            String currentVersion) {
        Integer additional = null;
        Double weight = null;
        JsonNode weights = body.path("RoutingConfig").path("AdditionalVersionWeights");
        if (weights.isObject() && !weights.isEmpty()) {
            if (weights.size() > 1) {
                throw LambdaException.invalid("edgecoord routes an alias to at most one additional version.");
            }
            Map.Entry<String, JsonNode> only = weights.properties().iterator().next();
            additional = version(only.getKey());
            weight = only.getValue().asDouble();
        }
        AliasRouting routing = AliasRouting.of(name, alias, version(body.path("FunctionVersion").asString(currentVersion)),
                additional, weight);
        return LambdaShapes.alias(LambdaFunctionController.region(headers), this.aliases.put(routing).alias());
    }

    private static int version(String text) {
        try {
            return Integer.parseInt(text);
        }
        catch (NumberFormatException ex) {
            throw LambdaException.invalid("FunctionVersion must be a published version number; got '" + text + "'.");
        }
    }
}
