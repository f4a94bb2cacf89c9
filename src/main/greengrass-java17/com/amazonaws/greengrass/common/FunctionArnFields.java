package com.amazonaws.greengrass.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function ARN taken apart: {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}.
 * A bare function name is taken to be in this function's own region and account, as the other
 * language shims do.
 */
public final class FunctionArnFields {

    private static final Pattern ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:([a-z0-9-]+):(\\d{12}):function:([a-zA-Z0-9_-]{1,140})(?::([a-zA-Z0-9$_-]{1,129}))?");

    private static final Pattern NAME = Pattern.compile("([a-zA-Z0-9_-]{1,140})(?::([a-zA-Z0-9$_-]{1,129}))?");

    private final String region;

    private final String accountId;

    private final String name;

    private final String qualifier;

    public FunctionArnFields(String region, String accountId, String name, String qualifier) {
        this.region = region;
        this.accountId = accountId;
        this.name = name;
        this.qualifier = qualifier == null || qualifier.isEmpty() ? null : qualifier;
    }

    public static FunctionArnFields fromString(String arn) throws InvalidArnException {
        if (arn == null) {
            throw new InvalidArnException("A function ARN is required");
        }
        Matcher full = ARN.matcher(arn);
        if (full.matches()) {
            return new FunctionArnFields(full.group(1), full.group(2), full.group(3), full.group(4));
        }
        Matcher bare = NAME.matcher(arn);
        if (bare.matches()) {
            FunctionArnFields mine = mine();
            return new FunctionArnFields(mine.region, mine.accountId, bare.group(1), bare.group(2));
        }
        throw new InvalidArnException("Not a Lambda function ARN: " + arn);
    }

    /** The ARN of {@code name} in a region and account, with its qualifier if there is one. */
    public static String buildArnString(String region, String accountId, String name, String qualifier) {
        String arn = "arn:aws:lambda:" + region + ":" + accountId + ":function:" + name;
        return qualifier == null || qualifier.isEmpty() ? arn : arn + ":" + qualifier;
    }

    public String getRegion() {
        return region;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    /** The version or alias, or null when the ARN names none. */
    public String getQualifier() {
        return qualifier;
    }

    public String getUnqualifiedArn() {
        return buildArnString(region, accountId, name, null);
    }

    public String buildArnString() {
        return buildArnString(region, accountId, name, qualifier);
    }

    @Override
    public String toString() {
        return buildArnString();
    }

    private static FunctionArnFields mine() {
        String own = EnvVars.MY_FUNCTION_ARN;
        Matcher full = own == null ? null : ARN.matcher(own);
        return full != null && full.matches()
                ? new FunctionArnFields(full.group(1), full.group(2), full.group(3), full.group(4))
                : new FunctionArnFields("edge", "000000000000", "unknown", null);
    }
}
