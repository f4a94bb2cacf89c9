package io.edgecoord.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import tools.jackson.databind.JsonNode;

import io.edgecoord.support.TestKeys;

/**
 * Makes the fuzz test's requests: request {@code i} of a run depends only on the seed, {@code i}
 * and the document, so one seed replays the same requests in the same order.
 */
final class FuzzRequests {

    private static final List<String> ACCEPT = List.of("application/json", "application/problem+json", "*/*",
            "text/plain", "text/event-stream", "application/xml", "garbage", "", "application/json;q=0, */*;q=0");

    private static final List<String> PREFER = List.of("respond-async", "wait=0", "wait=1", "wait=-1",
            "wait=99999999999999", "wait=abc", "return=minimal", "respond-async, wait=1", "");

    private static final List<String> NUMBER_HEADERS = List.of("-1", "0", "1", "10", "abc", "1e20",
            "99999999999999999999", "", "86400001");

    private static final List<String> METHODS = List.of("GET", "PUT", "POST", "PATCH", "DELETE", "OPTIONS", "TRACE",
            "HEAD", "BREW");

    private final JsonNode document;

    private final List<FuzzOperations.Operation> operations;

    private final long seed;

    /** Names that exist, so that some requests get past "not found" into the code behind it. */
    private final Map<String, String> known;

    FuzzRequests(JsonNode document, long seed, Map<String, String> known) {
        this.document = document;
        this.operations = FuzzOperations.of(document);
        this.seed = seed;
        this.known = known;
    }

    List<FuzzOperations.Operation> operations() {
        return operations;
    }

    FuzzRequest request(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        FuzzValues values = new FuzzValues(document, random);
        // Every operation in turn, so that each gets its share whatever the random draws.
        FuzzOperations.Operation operation = operations.get(index % operations.size());
        String method = random.nextInt(40) == 0 ? METHODS.get(random.nextInt(METHODS.size())) : operation.method();
        Map<String, String> headers = new LinkedHashMap<>();
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : operation.parameters()) {
            String name = parameter.path("name").asString();
            String value = parameterValue(operation, name, parameter.path("schema"), random, values);
            switch (parameter.path("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", pathSegment(value, random));
                case "query" -> {
                    if (random.nextInt(4) > 0) {
                        query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encode(value, random));
                    }
                }
                case "header" -> headers.put(name, value);
                default -> { }
            }
        }
        if (random.nextInt(10) == 0) {
            query.append(query.isEmpty() ? "?" : "&").append(encode(values.anyString(), random)).append("=1");
        }
        authorization(random).ifPresent(value -> headers.put("Authorization", value));
        if (random.nextInt(3) == 0) {
            headers.put("Accept", ACCEPT.get(random.nextInt(ACCEPT.size())));
        }
        if (random.nextInt(5) == 0) {
            headers.put("Prefer", PREFER.get(random.nextInt(PREFER.size())));
        }
        if (random.nextInt(5) == 0) {
            headers.put("Idempotency-Key", random.nextBoolean() ? values.anyString().replaceAll("[\r\n]", "")
                    : "key-" + random.nextInt(50));
        }
        if (random.nextInt(6) == 0) {
            headers.put(random.nextBoolean() ? "Edgecoord-Deadline-Ms" : "Edgecoord-Priority",
                    NUMBER_HEADERS.get(random.nextInt(NUMBER_HEADERS.size())));
        }
        if (random.nextInt(12) == 0) {
            headers.put("X-Amz-Invocation-Type", List.of("Event", "DryRun", "RequestResponse", "junk").get(random.nextInt(4)));
        }
        byte[] body = FuzzBodies.body(operation, method, headers, random, values);
        return new FuzzRequest(index, operation.name(), method, path + query, headers, body);
    }

    private String parameterValue(FuzzOperations.Operation operation, String name, JsonNode schema, Random random,
            FuzzValues values) {
        String real = known.get(name);
        // Invoking for real costs a process each time: rarely with a name that exists.
        boolean invokes = operation.path().contains("invoke") || operation.path().endsWith("/invocations");
        if (real != null && random.nextDouble() < (invokes ? 0.05 : 0.5)) {
            return real;
        }
        JsonNode resolved = FuzzOperations.resolve(document, schema);
        return switch (random.nextInt(4)) {
            case 0 -> resolved.path("type").asString("").equals("integer")
                    ? FuzzValues.NUMBERS.get(random.nextInt(FuzzValues.NUMBERS.size())) : "fuzz-" + random.nextInt(20);
            case 1 -> resolved.path("enum").isArray() && !resolved.path("enum").isEmpty()
                    ? resolved.path("enum").get(random.nextInt(resolved.path("enum").size())).asString()
                    : values.anyString();
            default -> values.anyString();
        };
    }

    /** A path segment: mostly percent-encoded, sometimes raw (`..`, `%zz`, a slash), as a hostile client sends it. */
    private static String pathSegment(String value, Random random) {
        if (value.length() > 5_000) {
            value = value.substring(0, 5_000);
        }
        return random.nextInt(4) == 0 ? value.replaceAll("[\\s\\p{Cntrl}]", "") : encode(value, random);
    }

    private static String encode(String value, Random random) {
        String encoded = URLEncoder.encode(value.length() > 20_000 ? value.substring(0, 20_000) : value,
                StandardCharsets.UTF_8);
        return random.nextInt(8) == 0 ? encoded.replace("%2F", "/").replace("%25", "%") : encoded;
    }

    private static java.util.Optional<String> authorization(Random random) {
        return switch (random.nextInt(40)) {
            case 0 -> java.util.Optional.empty();
            case 1 -> java.util.Optional.of("Bearer " + TestKeys.ADMIN_ID + ".wrong-secret");
            case 2 -> java.util.Optional.of("Bearer garbage");
            case 3 -> java.util.Optional.of("Basic " + "YTpi");
            case 4 -> java.util.Optional.of("AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=00");
            case 5 -> java.util.Optional.of("Bearer ");
            default -> java.util.Optional.of("Bearer " + TestKeys.ADMIN);
        };
    }
}
