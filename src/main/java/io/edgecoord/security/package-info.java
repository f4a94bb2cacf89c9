/**
 * Security: who may call the coordinator and what they may do. Owns API keys (an id and a secret
 * shown once; only the secret's hash, and for AWS Signature Version 4 an encrypted copy, are
 * stored), their scopes and task-name patterns, the Spring Security filter chain that checks them
 * (bearer keys on the native API, SigV4 on the Lambda API), per-key and per-client rate limits,
 * and the coordinator's secret key that encrypts secrets at rest ({@link io.edgecoord.security.SecretCipher}).
 * <p>
 * SigV4 itself is the sub-package {@code sigv4}. Public face: {@link io.edgecoord.security.SecretCipher},
 * {@link io.edgecoord.security.Scope}, {@link io.edgecoord.security.CallerKey},
 * {@link io.edgecoord.security.Callers} (the calling key, for checks a path cannot express),
 * {@link io.edgecoord.security.KeyBundles} (a bundle sets what an existing key may reach).
 * Knows nothing of tasks, invocations or devices: it matches paths and names, others own them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package io.edgecoord.security;
