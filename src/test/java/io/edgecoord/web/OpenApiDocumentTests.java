package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;

/** The served OpenAPI document is one a client generator can use, and Swagger UI shows it with a key. */
class OpenApiDocumentTests extends ProcessCoordinatorTest {

    @Test
    void everyOperationHasAUniqueNamedOperationIdAndAFeatureTag() {
        List<String> ids = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                String where = method.getKey().toUpperCase() + " " + path.getKey();
                String id = method.getValue().path("operationId").asString("");
                ids.add(id);
                if (!id.matches("[a-z][A-Za-z]+")) {
                    wrong.add(where + " has operationId '" + id + "'");
                }
                List<String> tags = method.getValue().path("tags").values().stream().map(JsonNode::asString).toList();
                if (tags.size() != 1 || tags.getFirst().endsWith("-controller")) {
                    wrong.add(where + " has tags " + tags);
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(30)
                .contains("deployTask", "invokeTask", "getInvocation", "listInvocations", "getInvocationLogs",
                        "getCaller");
    }

    @Test
    void everyPagedListDocumentsItsLimits() {
        List<String> unbounded = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document().path("paths").properties()) {
            for (JsonNode parameter : path.getValue().path("get").path("parameters")) {
                if (parameter.path("name").asString().equals("size")
                        && !(parameter.at("/schema/maximum").isNumber() && parameter.at("/schema/minimum").isNumber())) {
                    unbounded.add(path.getKey());
                }
            }
        }
        assertThat(unbounded).isEmpty();
    }

    @Test
    void everyListAnswersTheOneListShape() {
        JsonNode document = document();
        List<String> otherShapes = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            JsonNode get = path.getValue().path("get");
            boolean paged = false;
            for (JsonNode parameter : get.path("parameters")) {
                paged |= parameter.path("name").asString().equals("size");
            }
            JsonNode schema = get.at("/responses/200/content").propertyStream().findFirst()
                    .map(media -> media.getValue().path("schema")).orElse(null);
            if (schema == null) {
                continue;
            }
            String ref = schema.path("$ref").asString("");
            JsonNode resolved = ref.isEmpty() ? schema
                    : document.at("/components/schemas/" + ref.substring(ref.lastIndexOf('/') + 1));
            boolean pageShape = resolved.at("/properties/items").isObject()
                    && resolved.at("/properties/totalItems").isObject();
            if (schema.path("type").asString("").equals("array") || (paged != pageShape)) {
                otherShapes.add(path.getKey());
            }
        }
        assertThat(otherShapes).isEmpty();
    }

    @Test
    void everyOperationListsTheProblemTypesItMayAnswerAndEveryCatalogNameIsAnOperationOrTag() {
        JsonNode document = document();
        java.util.Set<String> names = new java.util.HashSet<>(List.of("all", "in-task"));
        List<String> without = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                JsonNode op = operation.getValue();
                names.add(op.path("operationId").asString());
                op.path("tags").forEach(tag -> names.add(tag.asString()));
                boolean lambda = op.path("tags").toString().contains("\"lambda\"");
                if (!lambda && !op.at("/responses/401/content/application~1problem+json/schema/$ref").asString("")
                        .endsWith("/Problem")) {
                    without.add(operation.getKey() + " " + path.getKey());
                }
            }
        }
        assertThat(without).isEmpty();
        List<String> unknown = ProblemCatalog.load().entries().stream().flatMap(entry -> entry.on().stream())
                .filter(name -> !names.contains(name)).toList();
        assertThat(unknown).isEmpty();

        JsonNode paths = document.path("paths");
        assertThat(paths.at("/~1api~1v1~1tasks/post/responses/400/description").asString())
                .contains("`invalid-task`", "`invalid-code`", "`invalid-request`");
        assertThat(paths.at("/~1api~1v1~1tasks~1{name}~1invoke/post/responses/429/description").asString())
                .contains("`queue-full`", "`rate-limited`");
        assertThat(paths.at("/~1api~1v1~1tasks~1{name}~1invoke/post/responses/429/content")
                .has("application/problem+json")).isTrue();
        assertThat(paths.at("/~1api~1v1~1devices~1{name}/get/responses/404/description").asString())
                .contains("`device-not-found`").doesNotContain("`task-not-found`");
        assertThat(document.at("/info/description").asString()).contains("`https://edgecoord.io/problems/queue-full` | 429");
    }

    @Test
    void documentsCreatedAnswersTheInvokeBodyAndJsonNodesAsAnyJson() {
        JsonNode paths = document().path("paths");
        assertThat(paths.at("/~1api~1v1~1tasks/post/responses/201").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1tasks/post/requestBody/content").propertyNames())
                .contains("application/json", "multipart/form-data");
        assertThat(paths.at("/~1api~1v1~1subscriptions/post/responses/201").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1devices/post/responses/201").isObject()).isTrue();
        assertThat(paths.at("/~1api~1v1~1tasks~1{name}~1invoke/post/requestBody/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/JsonValue");
        assertThat(paths.at("/~1api~1v1~1devices~1{name}~1shadow/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/JsonValue");
        String text = document().toString();
        assertThat(text).doesNotContain("JsonNodeFactory").doesNotContain("\"JsonNode\"");
        assertThat(paths.at("/~12015-03-31~1functions/get/parameters").findValuesAsString("name"))
            .contains("MaxItems").doesNotContain("headers");
    }

    @Test
    void swaggerUiLoadsWithoutAKeyAndSendsTheSignedInKeyWithEveryCall() {
        CoordinatorClient anonymous = new CoordinatorClient(port, null);
        assertThat(anonymous.get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
        assertThat(anonymous.get("/v3/api-docs/swagger-config").statusCode()).isEqualTo(200);
        HttpResponse<String> initializer = anonymous.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.statusCode()).isEqualTo(200);
        assertThat(initializer.body()).contains("sessionStorage.getItem('edgecoord.authorization')")
                .contains("'Authorization'");
        assertThat(anonymous.get("/v3/api-docs").statusCode()).isEqualTo(401);
    }

    @Test
    void anyKeyReadsItsOwnScopes() {
        CoordinatorClient admin = admin();
        for (String scope : List.of("read", "invoke", "deploy")) {
            JsonNode created = admin.json(admin.postJson("/api/v1/keys",
                    "{\"name\":\"only-" + scope + "\",\"scopes\":[\"" + scope + "\"]}"));
            CoordinatorClient key = admin.withKey(created.path("token").asString());
            HttpResponse<String> me = key.get("/api/v1/me");
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(key.json(me).path("scopes").values()).map(JsonNode::asString).containsExactly(scope);
            assertThat(key.json(me).path("name").asString()).isEqualTo("only-" + scope);
        }
        assertThat(new CoordinatorClient(port, null).get("/api/v1/me").statusCode()).isEqualTo(401);
    }

    private JsonNode document() {
        CoordinatorClient admin = admin();
        return admin.json(admin.get("/v3/api-docs"));
    }
}
