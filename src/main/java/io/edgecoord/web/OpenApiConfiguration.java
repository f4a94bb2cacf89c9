package io.edgecoord.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/** Describes the API for springdoc, including the problem types every error uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final ProblemCatalog CATALOG = ProblemCatalog.load();

    private static final String PROBLEM = "#/components/schemas/Problem";

    private static final String LAMBDA_TAG = "lambda";

    private static final String DESCRIPTION = """
            edgecoord runs tasks (Lambda-style functions) on demand in isolated environments at the edge.

            Every error is an RFC 9457 problem (`application/problem+json`) with a stable `type`; each
            operation lists the types it may answer under their statuses, and this is all of them:

            %s
            Any other error without a type of its own (one the servlet container's error page renders, say)
            has the type named after its status's reason phrase: `https://edgecoord.io/problems/forbidden` for 403.
            """.formatted(CATALOG.table());

    /** Where the document describes "any JSON value": a schema with no type, which every generator reads as any. */
    private static final String JSON_VALUE = "#/components/schemas/JsonValue";

    static {
        // A JsonNode is any JSON value; left alone, springdoc would describe Jackson's node class.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<Object>().$ref(JSON_VALUE));
        // A controller reading all headers (@RequestHeader HttpHeaders) takes no header named "headers".
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(org.springframework.http.HttpHeaders.class);
    }

    @Bean
    OpenAPI edgecoordOpenApi() {
        return new OpenAPI().info(new Info().title("edgecoord API").version("v1").description(DESCRIPTION))
            .components(new Components().addSchemas("JsonValue",
                    new Schema<Object>().description("Any JSON value: object, array, string, number, boolean or null")));
    }

    /**
     * Lists under each operation the problem types it may answer, grouped by status; not on the
     * Lambda API, whose errors have Lambda's shape.
     */
    @Bean
    OpenApiCustomizer problemResponses() {
        return openApi -> {
            openApi.getComponents().addSchemas("Problem", problemSchema()); // added here: springdoc drops unused ones
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> problems(operation)));
        };
    }

    private static void problems(Operation operation) {
        List<String> tags = operation.getTags() == null ? List.of() : operation.getTags();
        if (tags.contains(LAMBDA_TAG)) {
            return;
        }
        Map<Integer, List<ProblemCatalog.Entry>> byStatus = new TreeMap<>();
        CATALOG.entries().stream().filter(e -> e.answeredBy(operation.getOperationId(), tags))
                .forEach(e -> byStatus.computeIfAbsent(e.status(), s -> new ArrayList<>()).add(e));
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        byStatus.forEach((status, entries) -> {
            ApiResponse response = operation.getResponses().computeIfAbsent(String.valueOf(status), c -> new ApiResponse());
            String types = entries.stream().map(e -> "`" + e.type() + "`: " + e.meaning())
                    .collect(Collectors.joining("; "));
            String described = response.getDescription();
            boolean generic = described == null || described.isBlank()
                    || described.equals(HttpStatus.valueOf(status).getReasonPhrase());
            response.setDescription(generic ? "Problem types: " + types : described + ". Problem types: " + types);
            Content content = response.getContent() == null ? new Content() : response.getContent();
            content.remove("*/*"); // springdoc's guess for the errors a handler declares
            content.addMediaType("application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM)));
            response.setContent(content);
        });
    }

    private static Schema<Object> problemSchema() {
        Schema<Object> problem = new Schema<Object>().type("object")
            .description("An RFC 9457 problem; `type` is one of those in the API's description");
        problem.addProperty("type", new Schema<String>().type("string").format("uri"));
        problem.addProperty("title", new Schema<String>().type("string"));
        problem.addProperty("status", new Schema<Integer>().type("integer"));
        problem.addProperty("detail", new Schema<String>().type("string"));
        problem.addProperty("instance", new Schema<String>().type("string"));
        problem.addProperty("errors", new Schema<Object>().type("array").items(new Schema<Object>().type("object"))
            .description("The fields at fault, `{field, message}`, on `invalid-request`"));
        return problem;
    }
}
