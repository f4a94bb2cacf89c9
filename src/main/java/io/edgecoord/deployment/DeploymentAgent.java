package io.edgecoord.deployment;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import io.edgecoord.deployment.AgentStatus.State;

/**
 * The deployment agent: polls the source for the desired bundle, refuses it unless signed by the
 * operator's key, applies it, watches the changed tasks and readiness for the health period and, if
 * they fail, applies the previous version again by itself. Off by default; when on, one virtual
 * thread polls at the interval with jitter. {@link #pollOnce()} is one attempt, serialised.
 */
@Service
class DeploymentAgent implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeploymentAgent.class);

    private final DeploymentProperties.Agent settings;
    private final BundleApplier applier;
    private final DeploymentHistory history;
    private final HealthWatch health;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient reports = HttpClient.newHttpClient();
    private volatile AgentStatus status;
    private volatile Thread loop;
    private String etag;

    DeploymentAgent(DeploymentProperties properties, BundleApplier applier, DeploymentHistory history,
            HealthWatch health, JsonMapper json, Clock clock) {
        this.settings = properties.agent();
        this.applier = applier;
        this.history = history;
        this.health = health;
        this.json = json;
        this.clock = clock;
        this.status = new AgentStatus(State.DISABLED, this.settings.source(), null, null, "the agent is off", null);
    }

    AgentStatus status() {
        return this.status;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (this.settings.enabled()) {
            this.loop = Thread.ofVirtual().name("deployment-agent").start(this::run);
        }
    }

    @Override
    public void destroy() {
        Thread running = this.loop;
        if (running != null) {
            running.interrupt();
        }
    }

    private void run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                pollOnce();
                Thread.sleep(nextDelay(this.settings.interval(), this.settings.jitter(),
                        ThreadLocalRandom.current().nextDouble()));
            }
            catch (InterruptedException ex) {
                return;
            }
            catch (RuntimeException ex) {
                log.error("Deployment agent attempt failed", ex);
            }
        }
    }

    /** The interval, moved by up to {@code jitter} of itself either way, so a fleet does not poll in step. */
    static Duration nextDelay(Duration interval, double jitter, double draw) {
        return Duration.ofMillis(Math.max(1, Math.round(interval.toMillis() * (1 + jitter * (2 * draw - 1)))));
    }

    /** One attempt: fetch, check, apply, watch. */
    synchronized AgentStatus pollOnce() throws InterruptedException {
        BundleSource.Fetched fetched;
        try {
            fetched = BundleSource.of(this.settings.source(), this.settings.bearerToken()).fetch(this.etag);
        }
        catch (IOException | RuntimeException ex) {
            return report(State.UNREACHABLE, this.etag, null, "the source could not be read: " + ex.getMessage());
        }
        if (fetched == null) {
            return report(State.UNCHANGED, this.etag, this.history.latest().orElse(null), "nothing new at the source");
        }
        this.etag = fetched.etag();
        if (!BundleSignatures.verify(fetched.document(), fetched.signature(), publicKey())) {
            return report(State.REFUSED, fetched.etag(), null, (fetched.signature().length == 0) ? "the bundle is unsigned"
                    : "the bundle's signature is not the configured key's");
        }
        Integer previous = this.history.latest().orElse(null);
        DeploymentResponse applied;
        try {
            applied = this.applier.apply(new String(fetched.document(), StandardCharsets.UTF_8), false, "agent", null);
        }
        catch (InvalidBundleException ex) {
            return report(State.INVALID, fetched.etag(), null, ex.getBody().getDetail());
        }
        Set<String> changed = new HashSet<>(applied.diff().tasks().created());
        changed.addAll(applied.diff().tasks().changed());
        this.health.start(changed);
        Thread.sleep(this.settings.healthPeriod());
        String unhealthy = this.health.stop(this.settings.failureThreshold(), this.settings.minInvocations());
        if (unhealthy == null) {
            return report(State.APPLIED, fetched.etag(), applied.version(), "applied version " + applied.version());
        }
        if (previous == null) {
            return report(State.APPLIED, fetched.etag(), applied.version(), "unhealthy (" + unhealthy
                    + "), but no earlier version to roll back to");
        }
        DeploymentResponse back = this.applier.apply(this.history.get(previous).document(), false, "agent", previous);
        return report(State.ROLLED_BACK, fetched.etag(), back.version(), "version " + applied.version()
                + " rolled back to version " + previous + ": " + unhealthy);
    }

    private PublicKey publicKey() {
        try {
            return BundleSignatures.publicKey(Files.readString(Path.of(this.settings.publicKey())));
        }
        catch (IOException | RuntimeException ex) {
            throw new IllegalStateException("edgecoord.deployment.agent.public-key cannot be read: " + ex.getMessage(), ex);
        }
    }

    private AgentStatus report(State state, String tag, Integer version, String detail) {
        this.status = new AgentStatus(state, this.settings.source(), tag, version, detail, this.clock.instant());
        if (state != State.UNCHANGED) {
            log.info("Deployment agent: {} ({})", state, detail);
        }
        if (this.settings.reportUrl() != null && !this.settings.reportUrl().isBlank()) {
            try {
                this.reports.send(HttpRequest.newBuilder(URI.create(this.settings.reportUrl()))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(this.status))).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            catch (IOException ex) {
                log.warn("Deployment agent could not report to {}: {}", this.settings.reportUrl(), ex.getMessage());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        return this.status;
    }
}
