package io.edgecoord.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.deployment.GreengrassImporter.GreengrassImportResponse;
import io.edgecoord.security.CallerKey;
import io.edgecoord.security.Callers;

/**
 * Imports a Greengrass v1 group as a configuration bundle: JSON (code by stored sha256) or
 * multipart (part {@code group}, and one zip part per function, named after it). Answers the
 * bundle and its dry-run diff; {@code ?apply=true} applies it. Admin, as every bundle change.
 */
@Tag(name = "deployments", description = "Apply configuration bundles, read their history, roll back")
@RestController
@RequestMapping("/api/v1/deployments/import/greengrass-v1")
class GreengrassImportController {

    private final GreengrassImporter importer;

    private final JsonMapper json;

    GreengrassImportController(GreengrassImporter importer, JsonMapper json) {
        this.importer = importer;
        this.json = json;
    }

    @Operation(operationId = "importGreengrassGroup", summary = "A Greengrass v1 group as a bundle: its diff, or applied")
    @PostMapping(consumes = "application/json")
    ResponseEntity<GreengrassImportResponse> importJson(@RequestBody String group,
            @RequestParam(defaultValue = "false") boolean apply) {
        return answer(this.importer.importGroup(parse(group), Map.of(), apply, caller()), apply);
    }

    @Operation(operationId = "importGreengrassGroupWithCode", summary = "A Greengrass v1 group with a zip per function")
    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<GreengrassImportResponse> importMultipart(@RequestPart("group") String group,
            MultipartHttpServletRequest request, @RequestParam(defaultValue = "false") boolean apply) {
        Map<String, byte[]> zips = new LinkedHashMap<>();
        for (Map.Entry<String, MultipartFile> part : request.getFileMap().entrySet()) {
            if (!part.getKey().equals("group")) {
                try {
                    zips.put(part.getKey(), part.getValue().getBytes());
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
        return answer(this.importer.importGroup(parse(group), zips, apply, caller()), apply);
    }

    private JsonNode parse(String group) {
        try {
            return this.json.readTree(group);
        }
        catch (JacksonException ex) {
            throw new InvalidGreengrassGroupException("group", "not JSON: " + ex.getOriginalMessage());
        }
    }

    private static ResponseEntity<GreengrassImportResponse> answer(GreengrassImportResponse imported, boolean apply) {
        if (!apply) {
            return ResponseEntity.ok(imported);
        }
        return ResponseEntity.created(URI.create("/api/v1/deployments/" + imported.deployment().version())).body(imported);
    }

    private static String caller() {
        return Callers.current().map(CallerKey::id).orElse(null);
    }
}
