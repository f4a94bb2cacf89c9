package com.amazonaws.greengrass.common;

/**
 * The variables edgecoord gives every environment, as the SDK reads them. The secrets manager's
 * ARN is derived (no task answers it, so its calls get a 404).
 */
public final class EnvVars {

    public static final String MY_FUNCTION_ARN = System.getenv("MY_FUNCTION_ARN");

    public static final String SHADOW_FUNCTION_ARN = System.getenv("SHADOW_FUNCTION_ARN");

    public static final String ROUTER_FUNCTION_ARN = System.getenv("ROUTER_FUNCTION_ARN");

    public static final String AUTH_TOKEN = System.getenv("AUTH_TOKEN");

    public static final String GG_EDGECOORD_SEAM = System.getenv().getOrDefault("GG_EDGECOORD_SEAM",
            "/edgecoord/v1/greengrass");

    public static final String SECRETS_MANAGER_FUNCTION_ARN = System.getenv().getOrDefault(
            "SECRETS_MANAGER_FUNCTION_ARN", siblingOfMine("GGSecretsManager"));

    private EnvVars() {
    }

    private static String siblingOfMine(String name) {
        try {
            FunctionArnFields mine = FunctionArnFields.fromString(MY_FUNCTION_ARN);
            return FunctionArnFields.buildArnString(mine.getRegion(), mine.getAccountId(), name, null);
        }
        catch (InvalidArnException ex) {
            return FunctionArnFields.buildArnString("edge", "000000000000", name, null);
        }
    }
}
