package io.edgecoord.task;

import java.util.LinkedHashMap;
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.edgecoord.security.Callers;
import io.edgecoord.security.LambdaNames;

/** Lambda's control plane (2015-03-31) for functions and their versions, so AWS's tools deploy here. */
@Tag(name = "lambda", description = "AWS Lambda's Invoke API, for AWS SDKs and the CLI")
@RestController
class LambdaFunctionController {

    private static final String FUNCTIONS = "/2015-03-31/functions";

    private final LambdaFunctions functions;

    private final TaskRegistry registry;

    private final TaskAliases aliases;

    LambdaFunctionController(LambdaFunctions functions, TaskRegistry registry, TaskAliases aliases) {
        this.functions = functions;
        this.registry = registry;
        this.aliases = aliases;
    }

    @Operation(operationId = "lambdaCreateFunction", summary = "Lambda CreateFunction (ZipFile only)")
    @PostMapping(FUNCTIONS)
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body, @RequestHeader HttpHeaders headers) {
        TaskResponse task = this.functions.create(body);
        return ResponseEntity.status(HttpStatus.CREATED).body(latest(headers, task, body.path("Publish").asBoolean()));
    }

    @Operation(operationId = "lambdaGetFunction", summary = "Lambda GetFunction")
    @GetMapping(FUNCTIONS + "/{function}")
    Map<String, Object> get(@PathVariable String function, @RequestParam(name = "Qualifier", required = false)
            String qualifier, @RequestHeader HttpHeaders headers) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Configuration", configuration(function, qualifier, headers));
        answer.put("Code", Map.of("RepositoryType", "edgecoord", "Location", "/api/v1/tasks/" + name(function)));
        return answer;
    }

    @Operation(operationId = "lambdaGetFunctionConfiguration", summary = "Lambda GetFunctionConfiguration")
    @GetMapping(FUNCTIONS + "/{function}/configuration")
    Map<String, Object> configuration(@PathVariable String function,
            @RequestParam(name = "Qualifier", required = false) String qualifier, @RequestHeader HttpHeaders headers) {
        String name = name(function);
        TaskAliases.Target target = this.aliases.resolve(name, qualifier);
        TaskResponse task = this.registry.find(name);
        if (target.version() == null) {
            return LambdaShapes.configuration(region(headers), task, task.version(), LambdaShapes.LATEST,
                    this.functions.description(name));
        }
        TaskVersionResponse version = this.registry.versions(name).versions().stream()
            .filter((candidate) -> candidate.version() == target.version())
            .findFirst()
            .orElseThrow(() -> LambdaException.notFound("Function not found: "
                    + LambdaShapes.arn(region(headers), name, qualifier)));
        return LambdaShapes.configuration(region(headers), task, version, String.valueOf(version.version()),
                this.functions.description(name));
    }

    @Operation(operationId = "lambdaListFunctions", summary = "Lambda ListFunctions (Marker, MaxItems)")
    @GetMapping(FUNCTIONS)
    Map<String, Object> list(@RequestParam(name = "Marker", defaultValue = "") String marker,
            @RequestParam(name = "MaxItems", defaultValue = "50") int maxItems, @RequestHeader HttpHeaders headers) {
        if (maxItems < 1 || maxItems > 10_000) {
            throw LambdaException.invalid("MaxItems must be between 1 and 10000; got " + maxItems + ".");
        }
        Callers.checkTaskFilter(null, "functions");
        List<TaskResponse> page = this.registry.listAfter(marker, maxItems + 1);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("Functions", page.stream().limit(maxItems)
            .map((task) -> LambdaShapes.configuration(region(headers), task, task.version(), LambdaShapes.LATEST,
                    this.functions.description(task.name())))
            .toList());
        if (page.size() > maxItems) {
            answer.put("NextMarker", page.get(maxItems - 1).name());
        }
        return answer;
    }

    // AWS's SDKs spell these two paths with a trailing slash, which Spring does not match by itself.
    @Operation(hidden = true)
    @PostMapping(FUNCTIONS + "/")
    ResponseEntity<Map<String, Object>> createWithSlash(@RequestBody JsonNode body, @RequestHeader HttpHeaders headers) {
        return create(body, headers);
    }

    @Operation(hidden = true)
    @GetMapping(FUNCTIONS + "/")
    Map<String, Object> listWithSlash(@RequestParam(name = "Marker", defaultValue = "") String marker,
            @RequestParam(name = "MaxItems", defaultValue = "50") int maxItems, @RequestHeader HttpHeaders headers) {
        return list(marker, maxItems, headers);
    }

    @Operation(operationId = "lambdaUpdateFunctionCode", summary = "Lambda UpdateFunctionCode (ZipFile only)")
    @PutMapping(FUNCTIONS + "/{function}/code")
    Map<String, Object> updateCode(@PathVariable String function, @RequestBody JsonNode body,
            @RequestHeader HttpHeaders headers) {
        return latest(headers, this.functions.updateCode(name(function), body), body.path("Publish").asBoolean());
    }

    @Operation(operationId = "lambdaUpdateFunctionConfiguration", summary = "Lambda UpdateFunctionConfiguration")
    @PutMapping(FUNCTIONS + "/{function}/configuration")
    Map<String, Object> updateConfiguration(@PathVariable String function, @RequestBody JsonNode body,
            @RequestHeader HttpHeaders headers) {
        return latest(headers, this.functions.updateConfiguration(name(function), body), false);
    }

    @Operation(operationId = "lambdaDeleteFunction", summary = "Lambda DeleteFunction (the whole function)")
    @DeleteMapping(FUNCTIONS + "/{function}")
    ResponseEntity<Void> delete(@PathVariable String function,
            @RequestParam(name = "Qualifier", required = false) String qualifier) {
        if (qualifier != null) {
            throw LambdaException.invalid("edgecoord deletes whole functions only; versions stay with their task.");
        }
        this.registry.delete(name(function));
        return ResponseEntity.noContent().build();
    }

    @Operation(operationId = "lambdaPublishVersion", summary = "Lambda PublishVersion: names the latest version")
    @PostMapping(FUNCTIONS + "/{function}/versions")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String function,
            @RequestBody(required = false) JsonNode body, @RequestHeader HttpHeaders headers) {
        this.functions.requireRevision(name(function), body);
        TaskResponse task = this.registry.find(name(function));
        return ResponseEntity.status(HttpStatus.CREATED).body(latest(headers, task, true));
    }

    @Operation(operationId = "lambdaListVersionsByFunction", summary = "Lambda ListVersionsByFunction")
    @GetMapping(FUNCTIONS + "/{function}/versions")
    Map<String, Object> versions(@PathVariable String function, @RequestHeader HttpHeaders headers) {
        TaskResponse task = this.registry.find(name(function));
        List<Map<String, Object>> versions = new java.util.ArrayList<>();
        String description = this.functions.description(task.name());
        versions.add(LambdaShapes.configuration(region(headers), task, task.version(), LambdaShapes.LATEST, description));
        this.registry.versions(task.name()).versions().reversed().forEach((version) -> versions.add(
                LambdaShapes.configuration(region(headers), task, version, String.valueOf(version.version()), description)));
        return Map.of("Versions", versions);
    }

    /** The latest version, shown as {@code $LATEST} or, once published, by its number. */
    private Map<String, Object> latest(HttpHeaders headers, TaskResponse task, boolean published) {
        return LambdaShapes.configuration(region(headers), task, task.version(),
                published ? String.valueOf(task.latestVersion()) : LambdaShapes.LATEST,
                this.functions.description(task.name()));
    }

    static String name(String function) {
        return LambdaNames.functionName(function);
    }

    static String region(HttpHeaders headers) {
        return LambdaShapes.region(headers.getFirst(HttpHeaders.AUTHORIZATION));
    }
}
