package io.edgecoord.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The operations of a served OpenAPI document, with what the fuzz test needs of each. */
final class FuzzOperations {

    private FuzzOperations() {
    }

    /**
     * One operation.
     *
     * @param parameters its path, query and header parameters
     * @param bodies its request body's schema per media type (empty when it takes none)
     */
    record Operation(String method, String path, List<JsonNode> parameters, Map<String, JsonNode> bodies) {

        String name() {
            return method + " " + path;
        }
    }

    static List<Operation> of(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (!method.getValue().isObject() || method.getKey().equals("parameters")) {
                    continue;
                }
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                method.getValue().path("parameters").forEach(parameters::add);
                Map<String, JsonNode> bodies = new java.util.LinkedHashMap<>();
                for (Map.Entry<String, JsonNode> media : method.getValue().at("/requestBody/content").properties()) {
                    bodies.put(media.getKey(), media.getValue().path("schema"));
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, bodies));
            }
        }
        return operations;
    }

    /** {@code schema} with its {@code $ref} followed (once; the generator follows the rest as it goes). */
    static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : schema;
    }
}
