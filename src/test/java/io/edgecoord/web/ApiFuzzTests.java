package io.edgecoord.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.ProcessCoordinatorTest;

/**
 * Sends every operation of the served OpenAPI document thousands of hostile requests and holds
 * that none answers 500, that every error is a problem (Lambda's own shape on the Lambda API), and
 * that the coordinator still works after. {@code -Dedgecoord.fuzz.seed=N} replays a run,
 * {@code -Dedgecoord.fuzz.requests=N} changes its length.
 */
class ApiFuzzTests extends ProcessCoordinatorTest {

    private static final long SEED = Long.getLong("edgecoord.fuzz.seed", 20261207L);

    private static final int REQUESTS = Integer.getInteger("edgecoord.fuzz.requests", 10_000);

    private static final String CODE = "def handle(event, context):\n    return {'ok': True}\n";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void hostileRequestsToEveryOperationNeverAnswer500OrAnErrorThatIsNoProblemAndTheCoordinatorStillWorks()
            throws InterruptedException {
        CoordinatorClient admin = admin();
        deploy(admin, "fuzz-task");
        String invocation = admin.invoke("fuzz-task", "{}", "Prefer", "respond-async").headers()
            .firstValue("Edgecoord-Invocation-Id").orElseThrow();
        JsonNode document = admin.json(admin.get("/v3/api-docs"));
        FuzzRequests requests = new FuzzRequests(document, SEED, Map.of("name", "fuzz-task", "function", "fuzz-task",
                "task", "fuzz-task", "id", invocation, "invocationId", invocation));
        System.out.printf("ApiFuzzTests: seed %d, %d requests over %d operations (replay: -Dedgecoord.fuzz.seed=%d)%n",
                SEED, REQUESTS, requests.operations().size(), SEED);

        Map<String, List<String>> failures = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, LongAdder> time = new ConcurrentHashMap<>();
        RawHttp http = new RawHttp(port);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int i = 0; i < REQUESTS; i++) {
            int index = i;
            pool.execute(() -> {
                FuzzRequest request = requests.request(index);
                long sent = System.nanoTime();
                try {
                    RawHttp.Answer answer = http.send(request);
                    time.computeIfAbsent(request.operation(), k -> new LongAdder()).add(System.nanoTime() - sent);
                    statuses.computeIfAbsent(String.valueOf(answer.status()), s -> new AtomicInteger()).incrementAndGet();
                    String wrong = wrong(request, answer);
                    if (wrong != null) {
                        failures.computeIfAbsent(wrong + " on " + request.operation(),
                                k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(request.describe() + "\n      -> " + answer.status() + " "
                                    + answer.header("content-type") + " " + abbreviate(answer.body()));
                    }
                }
                catch (IOException | RuntimeException ex) {
                    failures.computeIfAbsent("no answer (" + ex.getMessage() + ") on " + request.operation(),
                            k -> Collections.synchronizedList(new ArrayList<>())).add(request.describe());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        System.out.printf("ApiFuzzTests: %d requests in %d ms, statuses %s%n", REQUESTS,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), new TreeMap<>(statuses));

        time.entrySet().stream().sorted(Map.Entry.<String, LongAdder>comparingByValue(
                java.util.Comparator.comparingLong(LongAdder::sum)).reversed()).limit(5)
            .forEach(slow -> System.out.printf("ApiFuzzTests: %6d ms in all on %s%n",
                    TimeUnit.NANOSECONDS.toMillis(slow.getValue().sum()), slow.getKey()));
        if (!failures.isEmpty()) {
            System.out.println("ApiFuzzTests: failures with seed " + SEED + "\n" + report(failures));
            fail("seed " + SEED + "\n" + report(failures));
        }
        assertStillWorks(admin);
    }

    /** What is wrong with an answer, or {@code null}. */
    private String wrong(FuzzRequest request, RawHttp.Answer answer) {
        if (answer.status() == 500) {
            return "500";
        }
        if (answer.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        try {
            JsonNode body = json.readTree(answer.body());
            if (request.lambda()) {
                boolean lambdaShape = answer.header("content-type").startsWith("application/json")
                        && !answer.header("x-amzn-errortype").isEmpty() && body.path("Type").isString()
                        && body.path("message").isString();
                // A target that is no URI is refused before its path is read: either shape will do.
                return lambdaShape || (!request.wellFormed() && problem(answer, body)) ? null : "no Lambda error";
            }
            return problem(answer, body) ? null : "no problem";
        }
        catch (RuntimeException unreadable) {
            return request.lambda() ? "no Lambda error" : "no problem";
        }
    }

    private static boolean problem(RawHttp.Answer answer, JsonNode body) {
        return answer.header("content-type").startsWith("application/problem+json")
                && body.path("type").asString("").startsWith("https://edgecoord.io/problems/")
                && body.path("status").asInt() == answer.status();
    }

    private static String report(Map<String, List<String>> failures) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(failures).forEach((kind, examples) -> {
            text.append(examples.size()).append("× ").append(kind).append('\n');
            examples.stream().limit(3).forEach(example -> text.append("    ").append(example).append('\n'));
        });
        return text.toString();
    }

    private void assertStillWorks(CoordinatorClient admin) {
        assertThat(new CoordinatorClient(port, null).get("/actuator/health/liveness").body()).contains("UP");
        deploy(admin, "fuzz-after");
        HttpResponse<String> invoked = admin.invoke("fuzz-after", "{}");
        assertThat(invoked.statusCode()).as(invoked.body()).isEqualTo(200);
        assertThat(invoked.body()).contains("\"ok\"");
    }

    private static void deploy(CoordinatorClient admin, String name) {
        HttpResponse<String> deployed = admin.postJson("/api/v1/tasks", """
                {"name": "%s", "runtime": "python3.11", "handler": "app.handle", "timeoutSeconds": 10,
                 "code": {"inline": %s, "fileName": "app.py"}}
                """.formatted(name, CoordinatorClient.quote(CODE)));
        assertThat(deployed.statusCode()).as(deployed.body()).isIn(200, 201);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
