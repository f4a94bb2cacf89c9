package io.edgecoord.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API for springdoc, including the problem types every error uses. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String DESCRIPTION = """
            edgecoord runs tasks (Lambda-style functions) on demand in isolated environments at the edge.

            Every error is an RFC 9457 problem (`application/problem+json`) with a stable `type`:

            | type | status | meaning |
            | --- | --- | --- |
            | `https://edgecoord.io/problems/invalid-request` | 400 | the request is malformed or fails validation; `errors` lists the fields. A JSON body's unknown fields are refused, never ignored: `errors` names each (`execution.pin`), `knownFields` lists the fields their object may have. A multipart body that cannot be parsed (no or a wrong boundary, cut short) is one too |
            | `https://edgecoord.io/problems/invalid-task` | 400 | the task breaks a rule: unknown runtime (`validRuntimes` lists them), handler, environment, code choice |
            | `https://edgecoord.io/problems/invalid-code` | 400 | the code is not a usable zip or lacks the runtime's entry point |
            | `https://edgecoord.io/problems/not-found` | 404 | no endpoint answers that method and path |
            | `https://edgecoord.io/problems/task-not-found` | 404 | no task has that name, or it has no such version |
            | `https://edgecoord.io/problems/method-not-allowed` | 405 | the path exists, the method does not; `Allow` lists those that do |
            | `https://edgecoord.io/problems/not-acceptable` | 406 | no representation matches the request's `Accept` |
            | `https://edgecoord.io/problems/code-too-large` | 413 | the code is over the compressed, unpacked or entry-count limit |
            | `https://edgecoord.io/problems/payload-too-large` | 413 | the upload is over the multipart size limit |
            | `https://edgecoord.io/problems/unsupported-media-type` | 415 | the body's `Content-Type` is not one the endpoint reads |
            | `https://edgecoord.io/problems/internal-error` | 500 | an unexpected failure; details are in the server log |

            Any other error without a type of its own (one the servlet container's error page renders, say)
            has the type named after its status's reason phrase: `https://edgecoord.io/problems/forbidden` for 403.
            """;

    /** Where the document describes "any JSON value": a schema with no type, which every generator reads as any. */
    private static final String JSON_VALUE = "#/components/schemas/JsonValue";

    static {
        // A JsonNode is any JSON value; left alone, springdoc would describe Jackson's node class.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new Schema<Object>().$ref(JSON_VALUE));
    }

    @Bean
    OpenAPI edgecoordOpenApi() {
        return new OpenAPI().info(new Info().title("edgecoord API").version("v1").description(DESCRIPTION))
            .components(new Components().addSchemas("JsonValue",
                    new Schema<Object>().description("Any JSON value: object, array, string, number, boolean or null")));
    }
}
