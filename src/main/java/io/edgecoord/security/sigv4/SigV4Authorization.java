package io.edgecoord.security.sigv4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.edgecoord.security.sigv4.SigV4Result.Reason;

/**
 * A parsed {@code Authorization: AWS4-HMAC-SHA256 Credential=<id>/<date>/<region>/<service>/aws4_request,
 * SignedHeaders=<a;b;c>, Signature=<hex>} header. Parsing checks the form only; what the parts must
 * say is {@link SigV4Verifier}'s business.
 *
 * @param accessKeyId the key id, the first element of the credential
 * @param date the credential's {@code yyyyMMdd}
 * @param region the credential's region
 * @param service the credential's service
 * @param terminator the credential's last element, {@code aws4_request} when well formed
 * @param signedHeaders the names the client signed, lowercase, in the order it listed them
 * @param signature the signature as sent
 */
record SigV4Authorization(String accessKeyId, String date, String region, String service, String terminator,
        List<String> signedHeaders, String signature) {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";

    private static final List<String> REQUIRED = List.of("Credential", "Signature", "SignedHeaders");

    /** The credential scope, as the string to sign has it: {@code date/region/service/aws4_request}. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }

    /** The signed header names as the canonical request lists them: {@code a;b;c}. */
    String signedHeadersLine() {
        return String.join(";", signedHeaders);
    }

    /**
     * A {@link SigV4Refusal} (incomplete signature) unless the signed headers take in {@code host}
     * and the header the request's date came from, and {@code request} has every one of them.
     */
    void requireSignedHeadersOf(SigV4Request request) {
        if (!signedHeaders.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        // As AWS requires; the date is in the string to sign as well, so this is belt and braces.
        String dateHeader = request.first("x-amz-date") != null ? "x-amz-date" : "date";
        if (!signedHeaders.contains(dateHeader)) {
            throw incomplete("'" + dateHeader + "' must be a 'SignedHeader' in the AWS Authorization.");
        }
        for (String name : signedHeaders) {
            if (request.values(name).isEmpty()) {
                throw incomplete("'" + name + "' is a 'SignedHeader' in the AWS Authorization, "
                        + "but the request has no such header.");
            }
        }
    }

    /** The header parsed; a {@link SigV4Refusal} (incomplete signature) when it is not whole. */
    static SigV4Authorization parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        if (!ALGORITHM.equals(algorithm)) {
            throw incomplete("Unsupported AWS 'algorithm': '" + algorithm + "'. The Lambda API takes only "
                    + ALGORITHM + " signatures in the Authorization header.");
        }
        Map<String, String> parameters = parameters(space < 0 ? "" : value.substring(space + 1));
        StringBuilder missing = new StringBuilder();
        for (String name : REQUIRED) {
            if (parameters.getOrDefault(name, "").isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (!missing.isEmpty()) {
            throw incomplete(missing.toString().strip());
        }
        String credential = parameters.get("Credential");
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || List.of(parts).contains("")) {
            throw incomplete("Credential should have exactly 5 slash-delimited elements, "
                    + "e.g. keyid/date/region/service/term, got '" + credential + "'");
        }
        return new SigV4Authorization(parts[0], parts[1], parts[2], parts[3], parts[4],
                signedHeaders(parameters.get("SignedHeaders")), parameters.get("Signature"));
    }

    private static Map<String, String> parameters(String text) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw incomplete("'" + trimmed + "' not a valid key=value pair (missing equal-sign) "
                        + "in Authorization header.");
            }
            parameters.putIfAbsent(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
        }
        return parameters;
    }

    private static List<String> signedHeaders(String line) {
        List<String> names = new ArrayList<>();
        for (String name : line.split(";", -1)) {
            if (name.isBlank()) {
                throw incomplete("SignedHeaders '" + line + "' has an empty header name.");
            }
            names.add(name.strip().toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    private static SigV4Refusal incomplete(String message) {
        return new SigV4Refusal(Reason.INCOMPLETE_SIGNATURE, message);
    }
}
