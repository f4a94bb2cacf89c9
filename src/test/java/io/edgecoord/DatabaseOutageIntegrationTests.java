package io.edgecoord;

import static io.edgecoord.support.CoordinatorClient.quote;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.dockerjava.api.DockerClient;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.edgecoord.support.CoordinatorClient;
import io.edgecoord.support.TestDataDir;
import io.edgecoord.support.TestDocker;
import io.edgecoord.support.TestPostgres;

/**
 * The database goes away under load: the coordinator runs on the test's PostgreSQL (tasks as
 * processes), clients call synchronously and asynchronously without pause, and the PostgreSQL
 * container is frozen ({@code docker pause}) for {@value #OUTAGE_SECONDS} s. A frozen server is the
 * hard case of a database that is gone: its port still accepts connections, nothing answers, and
 * no error ever comes (a stopped one refuses at once). {@value #OUTAGE_SECONDS} s is several times
 * every timeout between the coordinator and its database, so each fires more than once.
 * <p>
 * Proves: every call begun during the outage answers within 2 s, the failures being 503 {@code database-unavailable}
 * problems with {@code Retry-After} (a call caught inside a statement at the freeze may take up to
 * the driver's socket timeout); health and readiness say DOWN; every accepted asynchronous call
 * ends SUCCEEDED; calls succeed again within 10 s of the database's return.
 */
@DockerAvailable
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "edgecoord.execution.backend=process", "edgecoord.scheduler.max-concurrent=4" })
class DatabaseOutageIntegrationTests {

    static final int OUTAGE_SECONDS = 30;

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);

    /**
     * A statement in flight when the server froze waits for the driver's socket timeout (10 s), and
     * each further write of that call (its start, its log, its end) for the pool (1.5 s).
     */
    private static final Duration CAUGHT_IN_FLIGHT_WITHIN = Duration.ofSeconds(20);

    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);

    private static final String DATABASE_UNAVAILABLE = "https://edgecoord.io/problems/database-unavailable";

    private static final DockerClient docker = TestDocker.client();

    @LocalServerPort
    int port;

    private final AtomicBoolean loading = new AtomicBoolean(true);

    private final ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor();

    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

    private final ConcurrentLinkedQueue<String> accepted = new ConcurrentLinkedQueue<>();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        TestDataDir.register(registry);
        TestPostgres.register(registry);
    }

    @AfterEach
    void thawAndStop() throws InterruptedException {
        loading.set(false);
        clients.shutdown();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        String id = TestPostgres.container().getContainerId();
        if (Boolean.TRUE.equals(docker.inspectContainerCmd(id).exec().getState().getPaused())) {
            docker.unpauseContainerCmd(id).exec();
        }
    }

    /** One client call: when it started and ended (nanoTime), what it answered. */
    record Call(String kind, long started, long ended, int status, String type, String retryAfter) {

        Duration took() {
            return Duration.ofNanos(ended - started);
        }
    }

    @Test
    void callsAnswer503QuicklyWhileTheDatabaseIsGoneAndNothingAcceptedIsLost() throws Exception {
        CoordinatorClient client = new CoordinatorClient(port);
        assertThat(client.postJson("/api/v1/tasks", """
                {"name":"db-outage","runtime":"python3.11","handler":"m.f","timeoutSeconds":10,"code":{"inline":%s}}"""
                .formatted(quote("def f(event, context):\n    return event\n"))).statusCode()).isEqualTo(201);
        for (int i = 0; i < 2; i++) {
            clients.submit(() -> load(client, "sync"));
            clients.submit(() -> load(client, "async"));
        }
        // Warm: every client's environment started, the pool grown, before the database goes.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> calls.stream().filter(c -> c.status() < 300)
                .count() >= 40);

        String postgres = TestPostgres.container().getContainerId();
        long frozen = System.nanoTime();
        docker.pauseContainerCmd(postgres).exec();
        Thread.sleep(Duration.ofSeconds(OUTAGE_SECONDS));
        HttpResponse<String> healthWhileGone = client.get("/actuator/health");
        HttpResponse<String> readinessWhileGone = client.get("/actuator/health/readiness");
        long thawed = System.nanoTime();
        docker.unpauseContainerCmd(postgres).exec();

        long recovered = Awaitility.await().atMost(RECOVER_WITHIN.plusSeconds(5)).pollInterval(Duration.ofMillis(50))
                .until(() -> firstSuccessAfter(thawed), at -> at > 0);
        Thread.sleep(2000);
        loading.set(false);
        clients.shutdown();
        assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        List<Call> during = calls.stream().filter(c -> c.started() > frozen && c.started() < thawed).toList();
        // Begun a moment after the freeze, so not caught inside a statement by it.
        List<Call> afterFreezeBegan = during.stream().filter(c -> c.started() > frozen + 1_000_000_000L).toList();
        List<Call> failed = during.stream().filter(c -> c.status() >= 300).toList();
        long slowest = during.stream().mapToLong(c -> c.took().toMillis()).max().orElse(0);
        System.out.printf("database outage: %d calls before, %d during %d s (%d failed: %s), slowest %d ms; "
                + "a call succeeded again %d ms after the database returned; %d async calls accepted%n",
                calls.stream().filter(c -> c.started() < frozen).count(), during.size(), OUTAGE_SECONDS,
                failed.size(), failed.stream().map(c -> c.status() + " " + c.type()).distinct().toList(), slowest,
                (recovered - thawed) / 1_000_000, accepted.size());

        assertThat(during).as("calls while the database was gone").hasSizeGreaterThanOrEqualTo(10);
        // One that ends after the return got its answer from the database that came back: it is held
        // by the recovery's bound, and began at most two pool waits (1.5 s each) before the return.
        long straddle = Duration.ofSeconds(4).toNanos();
        assertThat(afterFreezeBegan).as("calls begun during the outage answer within %s", ANSWER_WITHIN)
                .allSatisfy(c -> assertThat(c.took().compareTo(ANSWER_WITHIN) <= 0 || (c.ended() > thawed
                        && c.ended() <= thawed + RECOVER_WITHIN.toNanos() && c.started() > thawed - straddle))
                        .as(c.toString()).isTrue());
        assertThat(during).allSatisfy(c -> assertThat(c.took()).as(c.toString())
                .isLessThanOrEqualTo(CAUGHT_IN_FLIGHT_WITHIN));
        assertThat(failed).as("failures while the database was gone").isNotEmpty()
                .allSatisfy(c -> assertThat(c).extracting(Call::status, Call::type, Call::retryAfter)
                        .as(c.toString()).containsExactly(503, DATABASE_UNAVAILABLE, "5"));
        assertThat(client.json(healthWhileGone).path("status").asString()).isEqualTo("DOWN");
        assertThat(client.json(healthWhileGone).path("components").path("db").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(readinessWhileGone.statusCode()).isEqualTo(503);
        assertThat(Duration.ofNanos(recovered - thawed)).as("recovery").isLessThanOrEqualTo(RECOVER_WITHIN);
        assertThat(calls.stream().filter(c -> c.started() > recovered + RECOVER_WITHIN.toNanos()))
                .allSatisfy(c -> assertThat(c.status()).as(c.toString()).isLessThan(300));

        for (String id : accepted) {
            assertThat(client.awaitFinished(id).path("status").asString()).as(id).isEqualTo("SUCCEEDED");
        }
        Awaitility.await().atMost(RECOVER_WITHIN).until(() -> client.get("/actuator/health").statusCode() == 200);
    }

    /** When both a synchronous and an asynchronous call begun after {@code thawed} had succeeded; 0 until then. */
    private long firstSuccessAfter(long thawed) {
        long sync = firstSuccess("sync", thawed);
        long async = firstSuccess("async", thawed);
        return sync == 0 || async == 0 ? 0 : Math.max(sync, async);
    }

    private long firstSuccess(String kind, long after) {
        return calls.stream().filter(c -> c.kind().equals(kind) && c.started() > after && c.status() < 300)
                .mapToLong(Call::ended).min().orElse(0);
    }

    private void load(CoordinatorClient client, String kind) {
        int n = 0;
        while (loading.get()) {
            long started = System.nanoTime();
            try {
                HttpResponse<String> response = kind.equals("async")
                        ? client.invoke("db-outage", "{\"n\": " + n++ + "}", "Prefer", "respond-async")
                        : client.invoke("db-outage", "{\"n\": " + n++ + "}");
                String type = response.statusCode() >= 300 ? client.json(response).path("type").asString() : null;
                calls.add(new Call(kind, started, System.nanoTime(), response.statusCode(), type,
                        response.headers().firstValue("Retry-After").orElse(null)));
                if (response.statusCode() == 202) {
                    accepted.add(response.headers().firstValue("Edgecoord-Invocation-Id").orElseThrow());
                }
                Thread.sleep(response.statusCode() < 300 ? 20 : 100);
            }
            catch (UncheckedIOException ex) {
                calls.add(new Call(kind, started, System.nanoTime(), 0, ex.toString(), null));
            }
            catch (InterruptedException ex) {
                return;
            }
        }
    }
}
