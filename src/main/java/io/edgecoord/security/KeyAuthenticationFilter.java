package io.edgecoord.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.web.filter.OncePerRequestFilter;

import io.edgecoord.security.AuthResponses.Refusal;

/**
 * Proves who a request comes from: {@code Authorization: Bearer <id>.<secret>}, or on the Lambda
 * API an AWS Signature Version 4. A request without credentials passes on unauthenticated (the
 * authorization rules then refuse it unless it is public); wrong credentials are refused here,
 * counted against the client's address, and a client past its failure limit is refused before
 * anything is checked. A proved key is then held to its rate limit.
 */
final class KeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final KeyRing ring;
    private final RateLimits limits;
    private final AuthResponses responses;
    private final MeterRegistry meters;
    private final SecurityProperties properties;
    private final Clock clock;

    KeyAuthenticationFilter(KeyRing ring, RateLimits limits, AuthResponses responses, MeterRegistry meters,
            SecurityProperties properties, Clock clock) {
        this.ring = ring;
        this.limits = limits;
        this.responses = responses;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        String client = request.getRemoteAddr();
        if (limits.blocked(client)) {
            rejected("client-blocked");
            responses.refuse(request, response, Refusal.CLIENT_BLOCKED, "Too many failed authentications from "
                    + client + "; try again later.", limits.retryAfterSeconds(client));
            return;
        }
        Optional<CallerKey> key = authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? KeyToken.parse(authorization.substring(BEARER.length()).trim()).flatMap(ring::verify)
                : Optional.empty();
        if (key.isEmpty()) {
            rejected("invalid-key");
            limits.failed(client);
            responses.refuse(request, response, Refusal.INVALID_KEY, "The key is not valid: unknown, revoked, "
                    + "or its secret is wrong.");
            return;
        }
        proceedAs(key.get(), request, response, chain);
    }

    private void proceedAs(CallerKey key, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        if (!limits.admit(key)) {
            rejected("rate-limited");
            responses.refuse(request, response, Refusal.RATE_LIMITED, "Key " + key.id() + " is over its limit of "
                    + ((key.requestsPerSecond() != null) ? key.requestsPerSecond() : properties.requestsPerSecond())
                    + " requests a second.", 1L);
            return;
        }
        ring.used(key);
        SecurityContextHolder.setContext(new SecurityContextImpl(new KeyAuthentication(key)));
        try {
            chain.doFilter(request, response);
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void rejected(String reason) {
        Counter.builder("edgecoord.security.rejected").description("Requests refused before they reached the API")
            .tag("reason", reason).register(meters).increment();
    }

}
