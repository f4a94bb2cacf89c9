/**
 * AWS Signature Version 4, verified: a pure, Spring-free check of a request as received against
 * the secret of the access key it names ({@link io.edgecoord.security.sigv4.SigV4Verifier}), with
 * Lambda's own refusals. The security module's filter feeds it requests and keys.
 */
package io.edgecoord.security.sigv4;
