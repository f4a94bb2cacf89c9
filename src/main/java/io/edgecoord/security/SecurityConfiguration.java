package io.edgecoord.security;

import java.nio.file.Path;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;

/**
 * Every request needs a key, but the liveness and readiness probes. Stateless: no session, no
 * cookie, no CSRF token (there is no browser session to ride on); a key goes with every request.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * The dashboard's and Swagger UI's files load without a key: they hold no data, and a browser
     * cannot send a bearer token for a page it opens. Every API call the pages make carries the
     * key the user signed in with; {@code swagger-config} is only where Swagger UI finds the document.
     */
    static final String[] STATIC_ASSETS = { "/", "/index.html", "/favicon.ico", "/ui/**", "/swagger-ui.html",
            "/swagger-ui/**", "/v3/api-docs/swagger-config" };

    /**
     * Spring Security observes nothing here: its observations wrap each of the chain's ~15 filters
     * on every request (a decorator, long task timers, tags), about a third of the CPU under the key
     * filter, for metrics nobody reads; {@code http.server.requests} stays. Disabling them by name
     * ({@code management.observations.enable}) still left the decorator in the chain.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    KeyRing keyRing(ApiKeyRepository repository, SecretCipher cipher, Clock clock) {
        return new KeyRing(repository, cipher, clock);
    }

    @Bean
    RateLimits rateLimits(SecurityProperties properties, MeterRegistry meters) {
        return new RateLimits(properties, meters);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, KeyRing ring, RateLimits limits, JsonMapper json,
            MeterRegistry meters, SecurityProperties properties, Clock clock) throws Exception {
        AuthResponses responses = new AuthResponses(json);
        http.csrf(AbstractHttpConfigurer::disable)
            .httpBasic(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .requestCache(AbstractHttpConfigurer::disable)
            .anonymous(AbstractHttpConfigurer::disable)
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .addFilterAfter(new KeyAuthenticationFilter(ring, limits, responses, meters, properties, clock),
                    SecurityContextHolderFilter.class)
            // The error page and the second dispatch of an asynchronous answer (server-sent events)
            // serve a request that was authorized when it came in.
            .authorizeHttpRequests(a -> a.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers("/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers(HttpMethod.GET, STATIC_ASSETS).permitAll()
                .anyRequest().access(new ScopeAuthorization()))
            .exceptionHandling(e -> e.authenticationEntryPoint(responses::unauthenticated)
                .accessDeniedHandler(responses::forbidden));
        return http.build();
    }

    /** Seeds the admin key, loads the keys before the server takes requests, and keeps them fresh. */
    @Bean
    SmartInitializingSingleton keyRingLoader(ApiKeys keys, KeyRing ring, SecurityProperties properties,
            @Value("${edgecoord.data-dir:./data}") Path dataDir) {
        return () -> {
            ring.reload();
            new AdminKeyBootstrap(keys, properties.adminKey(), dataDir).run();
            ring.reload();
        };
    }

    @Bean(destroyMethod = "close")
    KeyRefresher keyRefresher(KeyRing ring, SecurityProperties properties) {
        return new KeyRefresher(ring, properties.keyCacheTtl());
    }
}
