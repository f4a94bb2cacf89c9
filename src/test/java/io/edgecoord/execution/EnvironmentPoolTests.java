package io.edgecoord.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EnvironmentPoolTests {

    private static final Instant T0 = Instant.parse("2026-11-27T12:00:00Z");

    private final EnvironmentPool pool = new EnvironmentPool();

    private static Environment environment(String id, String task, int memoryMb) {
        EnvironmentSpec spec = new EnvironmentSpec(task, 3, "python3.11", "app.handle", memoryMb, Map.of(),
                Path.of("/tmp"), false);
        Environment env = new Environment(id, spec, EnvironmentPolicy.Isolation.CONTAINER, null, T0, e -> { });
        env.handle(new EnvironmentHandle(id, "container-" + id));
        return env;
    }

    private Environment idle(String id, String task, int memoryMb) {
        Environment env = environment(id, task, memoryMb);
        pool.addStarting(env);
        pool.markBusy(env);
        pool.release(env, T0.plusSeconds(1));
        return env;
    }

    private Environment busy(String id, String task, int memoryMb) {
        Environment env = environment(id, task, memoryMb);
        pool.addStarting(env);
        pool.markBusy(env);
        return env;
    }

    @Test
    void describesEachEnvironmentWithItsTaskStateAgeAndMemory() {
        idle("e1", "hello", 128);
        busy("e2", "resize", 512);

        assertThat(pool.describe(T0.plusSeconds(10))).containsExactly(
                new EnvironmentSnapshot("e1", "hello", 3, "python3.11", "IDLE", T0, 10_000, T0.plusSeconds(1), 128,
                        "container-e1", false, false, "CONTAINER"),
                new EnvironmentSnapshot("e2", "resize", 3, "python3.11", "BUSY", T0, 10_000, T0, 512,
                        "container-e2", false, false, "CONTAINER"));
    }

    @Test
    void aPoolKeyIsServedWhileOneOfItsEnvironmentsIsIdleOrBusyButNotStartingOrDraining() {
        Environment hello = idle("e1", "hello", 128);
        busy("e2", "resize", 512);
        String helloKey = hello.spec().poolKey();

        assertThat(pool.hasServing(helloKey)).isTrue();
        assertThat(pool.hasServing(environment("x", "other", 128).spec().poolKey())).isFalse();
        Environment starting = environment("e3", "starting", 128);
        pool.addStarting(starting);
        assertThat(pool.hasServing(starting.spec().poolKey())).as("a start may yet fail").isFalse();

        pool.startDraining("e1");
        assertThat(pool.hasServing(helloKey)).as("draining takes no calls").isFalse();
    }

    @Test
    void totalsCountLiveIdleAndBusyEnvironmentsAndTheirMemory() {
        idle("e1", "hello", 128);
        busy("e2", "resize", 512);
        pool.addStarting(environment("e3", "hello", 128));

        assertThat(pool.totals()).isEqualTo(new PoolSnapshot(3, 1, 2, 768));
    }

    @Test
    void drainingAnIdleEnvironmentTakesItOutAtOnce() {
        Environment env = idle("e1", "hello", 128);

        assertThat(pool.startDraining("e1")).contains(
                new EnvironmentPool.Draining(env, EnvironmentLife.Drain.REMOVED_NOW));
        assertThat(pool.describe(T0)).isEmpty();
        assertThat(pool.claimIdle("e1", T0)).isEmpty();
    }

    @Test
    void aDrainedBusyEnvironmentFinishesThenIsRefusedByThePool() {
        Environment env = busy("e1", "hello", 128);

        assertThat(pool.startDraining("e1")).contains(
                new EnvironmentPool.Draining(env, EnvironmentLife.Drain.AFTER_INVOCATION));
        assertThat(pool.describe("e1", T0)).hasValueSatisfying(s -> assertThat(s.state()).isEqualTo("DRAINING"));

        assertThat(pool.release(env, T0.plusSeconds(2))).contains(EvictionReason.DRAINED);
        assertThat(pool.claimIdle("e1", T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void aStartingEnvironmentDrainedBeforeItsFirstInvocationStaysDraining() {
        Environment env = environment("e1", "hello", 128);
        pool.addStarting(env);
        pool.startDraining("e1");

        pool.markBusy(env);

        assertThat(env.life()).isInstanceOf(EnvironmentLife.Draining.class);
    }

    @Test
    void aPrewarmedEnvironmentWhoseLeaseIsGivenBackIsTakenAsPrewarmedNext() {
        Environment env = environment("e1", "hello", 128);
        pool.addPrewarming(env);
        pool.prewarmReady(env, T0.plusSeconds(1));
        pool.claimIdle("e1", T0.plusSeconds(2));

        assertThat(pool.giveBack(env)).isEmpty();

        assertThat(pool.view(0.25)).singleElement()
                .satisfies(view -> assertThat(view.idle()).isTrue())
                .satisfies(view -> assertThat(view.prewarmed()).isTrue());
    }

    @Test
    void drainingAnUnknownEnvironmentFindsNothing() {
        assertThat(pool.startDraining("nope")).isEmpty();
    }
}
