package io.edgecoord.security;

import java.io.IOException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
import io.edgecoord.security.sigv4.SigV4Request;
import io.edgecoord.security.sigv4.SigV4Result;
import io.edgecoord.security.sigv4.SigV4Verifier;

/**
 * Proves who a request comes from: {@code Authorization: Bearer <id>.<secret>}, or on the Lambda
 * API an AWS Signature Version 4. A request without credentials passes on unauthenticated (the
 * authorization rules then refuse it unless it is public); wrong credentials are refused here,
 * counted against the client's address, and a client past its failure limit is refused before
 * anything is checked. A proved key is then held to its rate limit.
 */
final class KeyAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";
    private static final String SIGV4 = "AWS4-HMAC-SHA256";

    private final KeyRing ring;
    private final RateLimits limits;
    private final AuthResponses responses;
    private final MeterRegistry meters;
    private final SecurityProperties properties;
    private final Clock clock;
    private final SigV4Verifier sigV4;

    KeyAuthenticationFilter(KeyRing ring, RateLimits limits, AuthResponses responses, MeterRegistry meters,
            SecurityProperties properties, Clock clock) {
        this.ring = ring;
        this.limits = limits;
        this.responses = responses;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
        this.sigV4 = new SigV4Verifier(ring::signingSecret, Set.of(SigV4Verifier.LAMBDA), properties.clockSkew());
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
        if (authorization.startsWith(SIGV4)) {
            signed(client, request, response, chain);
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

    /** A request signed with AWS Signature Version 4: its body is read whole, since the signature covers it. */
    private void signed(String client, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CachedBodyRequest cached = CachedBodyRequest.read(request, properties.maxSignedBody().toBytes());
        if (cached == null) {
            rejected("signed-body-too-large");
            responses.refuseLambda(request, response, 413, "RequestTooLargeException", "A signed request's body may "
                    + "be at most " + properties.maxSignedBody().toBytes() + " bytes.");
            return;
        }
        SigV4Result result = sigV4.verify(new SigV4Request(request.getMethod(),
                request.getRequestURI(), request.getQueryString(), headers(request), cached.body(), request.isSecure()),
                clock.instant());
        switch (result) {
            case SigV4Result.Verified verified -> {
                Optional<CallerKey> key = ring.key(verified.accessKeyId());
                if (key.isPresent()) {
                    proceedAs(key.get(), cached, response, chain);
                }
                else {
                    rejected("invalid-key");
                    limits.failed(client);
                    responses.refuseLambda(request, response, 403, "UnrecognizedClientException",
                            "The security token included in the request is invalid.");
                }
            }
            case SigV4Result.Refused refused -> {
                rejected("sigv4-" + refused.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                limits.failed(client);
                responses.refuseLambda(request, response, refused.httpStatus(), refused.awsErrorType(),
                        refused.message());
            }
        }
    }

    private static Map<String, List<String>> headers(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
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
