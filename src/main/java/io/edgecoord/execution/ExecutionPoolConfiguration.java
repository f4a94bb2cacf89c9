package io.edgecoord.execution;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.edgecoord.runtime.RuntimeApiServer;

/**
 * Wires the pool's collaborators once, so that each is built in one place and the resource
 * manager, its views and its keeper share them: one pool, one budget, one timer, one listener list.
 */
@Configuration(proxyBeanMethods = false)
class ExecutionPoolConfiguration {

    @Bean
    EnvironmentPool environmentPool() {
        return new EnvironmentPool();
    }

    /** The budget from the settings, capped at the most environments allowed at once. */
    @Bean
    Placement.Budget environmentBudget(ExecutionProperties properties) {
        Placement.Budget resolved = properties.budget().resolve();
        return new Placement.Budget(resolved.memoryMb(), resolved.cpus(), properties.maxEnvironments());
    }

    @Bean
    PoolTimer poolTimer() {
        return new PoolTimer();
    }

    @Bean
    EnvironmentFactory environmentFactory(ExecutionBackend backend, RuntimeApiServer runtimeApi, Clock clock) {
        return new EnvironmentFactory(backend, runtimeApi, clock);
    }

    @Bean
    PoolMetrics poolMetrics(MeterRegistry meters, EnvironmentPool pool, Placement.Budget budget,
            ExecutionProperties properties) {
        return new PoolMetrics(meters, pool, budget, properties.cpusPerEnvironment());
    }

    @Bean
    RunningCalls runningCalls(Clock clock) {
        return new RunningCalls(clock);
    }

    @Bean
    OwnExits ownExits(EnvironmentPool pool, EnvironmentFactory factory, PoolMetrics metrics, PoolEvents events) {
        return new OwnExits(pool, factory, metrics, events);
    }

    @Bean
    LeaseRunner leaseRunner(EnvironmentPool pool, EnvironmentFactory factory, PoolMetrics metrics,
            RunningCalls running, Clock clock, ExecutionProperties properties, PoolTimer timer, PoolEvents events) {
        InvocationRunner runner = new InvocationRunner(clock, properties.initTimeout(), running);
        return new LeaseRunner(pool, factory, metrics, runner, clock, properties.outputSettle(), timer, events);
    }

    @Bean
    Prewarmer prewarmer(EnvironmentPool pool, EnvironmentFactory factory, PoolMetrics metrics,
            ExecutionProperties properties, Clock clock, PoolEvents events, OwnExits exits) {
        return new Prewarmer(pool, factory, metrics, properties, clock, events, exits);
    }
}
