package io.edgecoord.security;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of security ({@code edgecoord.security.*}).
 *
 * @param adminKey an admin key {@code <id>.<secret>} to create at first start instead of a generated
 *     one ({@code EDGECOORD_ADMIN_KEY}); empty means generate one into {@code <data-dir>/admin.key}
 * @param secretKey the base64 of the 32-byte key that encrypts secrets at rest
 *     ({@code EDGECOORD_SECRET_KEY}); empty means {@code <data-dir>/secret.key}, made at first start
 * @param requestsPerSecond the requests a key may make each second, unless the key says otherwise;
 *     beyond it 429 with {@code Retry-After}
 * @param failuresPerMinute the failed authentications one client address may make a minute;
 *     beyond it every request from there answers 429 until the minute is over
 * @param keyCacheTtl how long a verified key is trusted without reading it again; a revocation on
 *     another coordinator sharing the database takes effect within this time (on this one, at once)
 * @param clockSkew how far a SigV4 request's date may be from the coordinator's clock
 * @param maxSignedBody the largest body a SigV4 request may have: it is read whole to check its hash
 */
@Validated
@ConfigurationProperties("edgecoord.security")
record SecurityProperties(
        @DefaultValue("") String adminKey,
        @DefaultValue("") String secretKey,
        @DefaultValue("2000") @Min(1) int requestsPerSecond,
        @DefaultValue("20") @Min(1) int failuresPerMinute,
        @DefaultValue("1s") Duration keyCacheTtl,
        @DefaultValue("15m") Duration clockSkew,
        @DefaultValue("8MB") DataSize maxSignedBody) {
}
