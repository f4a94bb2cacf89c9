package io.edgecoord.invocation.lambda;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a call of the AWS Lambda Invoke API asks for, read from its path, query and headers.
 * The function may be named plainly ({@code hello}), with a qualifier ({@code hello:3}), or by a
 * partial or full ARN ({@code 123456789012:function:hello}, {@code arn:aws:lambda:…:function:hello:3}).
 *
 * @param function the task's name
 * @param qualifier {@code $LATEST} or a version number, as asked for
 * @param type how the caller wants to be answered
 * @param tailLogs whether the caller asked for the end of the logs ({@code X-Amz-Log-Type: Tail})
 * @param region the region the caller signed for, used only to spell ARNs in messages
 */
record LambdaInvokeRequest(String function, String qualifier, InvocationType type, boolean tailLogs, String region) {

    static final String LATEST = "$LATEST";
    static final String ACCOUNT = "000000000000";

    private static final Pattern FUNCTION = Pattern.compile(
            "(?:arn:aws[a-zA-Z-]*:lambda:(?<region>[a-z0-9-]+):)?(?:\\d{12}:function:)?"
                    + "(?<name>[A-Za-z0-9_-]{1,64})(?::(?<qualifier>\\$LATEST|[A-Za-z0-9_-]{1,128}))?");
    private static final Pattern SIGNED_REGION = Pattern.compile("Credential=[^/,]+/\\d{8}/([a-z0-9-]+)/lambda/");

    /** The {@code X-Amz-Invocation-Type}s Lambda knows. */
    enum InvocationType {
        REQUEST_RESPONSE, EVENT, DRY_RUN;

        static InvocationType parse(String header) {
            return switch (header == null ? "RequestResponse" : header) {
                case "RequestResponse" -> REQUEST_RESPONSE;
                case "Event" -> EVENT;
                case "DryRun" -> DRY_RUN;
                default -> throw new LambdaParameterException("1 validation error detected: Value '" + header
                        + "' at 'invocationType' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[Event, RequestResponse, DryRun]");
            };
        }
    }

    static LambdaInvokeRequest parse(String functionName, String qualifierParam, String invocationType,
            String logType, String authorization) {
        String region = signedRegion(authorization);
        Matcher name = FUNCTION.matcher(functionName);
        if (!name.matches()) {
            throw new LambdaParameterException("1 validation error detected: Value '" + functionName
                    + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression "
                    + "pattern: " + FUNCTION.pattern());
        }
        if (name.group("region") != null) {
            region = name.group("region");
        }
        String qualifier = qualifier(name.group("qualifier"), qualifierParam);
        boolean tail = logType != null && logType.toLowerCase(Locale.ROOT).equals("tail");
        return new LambdaInvokeRequest(name.group("name"), qualifier, InvocationType.parse(invocationType), tail,
                region);
    }

    /**
     * The version to run, {@code null} for the latest.
     *
     * @throws LambdaFunctionNotFoundException for a qualifier that is neither a version nor
     *     {@code $LATEST}: an alias is resolved by the task module ({@link #namesAlias()})
     */
    Integer version() {
        if (qualifier.equals(LATEST)) {
            return null;
        }
        try {
            return Integer.valueOf(qualifier);
        }
        catch (NumberFormatException ex) {
            throw new LambdaFunctionNotFoundException(arn());
        }
    }

    /** Whether the qualifier names an alias: neither {@code $LATEST} nor a version number. */
    boolean namesAlias() {
        return !qualifier.equals(LATEST) && !qualifier.chars().allMatch(Character::isDigit);
    }

    /** The function's ARN as Lambda spells it in messages, with the qualifier when one was asked for. */
    String arn() {
        return "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:" + function
                + (qualifier.equals(LATEST) ? "" : ":" + qualifier);
    }

    private static String qualifier(String inName, String inQuery) {
        if (inName != null && inQuery != null && !inName.equals(inQuery)) {
            throw new LambdaParameterException("The derived qualifier from the function name does not match the "
                    + "specified qualifier.");
        }
        String qualifier = inName != null ? inName : inQuery;
        return qualifier == null || qualifier.isEmpty() ? LATEST : qualifier;
    }

    private static String signedRegion(String authorization) {
        Matcher signed = SIGNED_REGION.matcher(authorization == null ? "" : authorization);
        return signed.find() ? signed.group(1) : "us-east-1";
    }
}
