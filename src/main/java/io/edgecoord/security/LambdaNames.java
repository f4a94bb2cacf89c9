package io.edgecoord.security;

/** The function name in what Lambda's API accepts as a {@code FunctionName}. */
public final class LambdaNames {

    private LambdaNames() {
    }

    /**
     * The bare name of {@code name}: a name, {@code name:qualifier}, a full ARN
     * ({@code arn:aws:lambda:<region>:<account>:function:<name>[:qualifier]}) or a partial one
     * ({@code <account>:function:<name>[:qualifier]}).
     */
    public static String functionName(String name) {
        int function = name.indexOf(":function:");
        String rest = (function >= 0) ? name.substring(function + ":function:".length()) : name;
        int colon = rest.indexOf(':');
        return (colon >= 0) ? rest.substring(0, colon) : rest;
    }
}
