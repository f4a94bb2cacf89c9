package io.edgecoord.execution;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Lambda-shaped ARNs an environment sees of itself and of the coordinator's Greengrass
 * services, and the variables that carry them in: the same in containers and in processes, so a
 * Greengrass Core SDK finds what a Greengrass core gave it ({@code MY_FUNCTION_ARN} and friends).
 */
public final class FunctionArns {

    /** The region named in ARNs inside environments: there is no signed request to take it from. */
    public static final String REGION = "edge";
    /** The account every ARN names, as the Lambda API's answers do. */
    public static final String ACCOUNT = "000000000000";
    /** Greengrass's shadow service, as a function name. */
    public static final String SHADOW_SERVICE = "GGShadowService";
    /** Greengrass's message router, as a function name. */
    public static final String ROUTER = "GGRouter";
    /** Where the Greengrass seam lives on every environment's Runtime API endpoint. */
    public static final String SEAM_PATH = "/edgecoord/v1/greengrass";

    private static final String PREFIX = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:";

    private FunctionArns() {
    }

    /** {@code arn:aws:lambda:edge:000000000000:function:<name>}. */
    public static String unqualified(String function) {
        return PREFIX + function;
    }

    /** The ARN with {@code qualifier} (a version or an alias) appended. */
    public static String qualified(String function, String qualifier) {
        return unqualified(function) + ":" + qualifier;
    }

    /**
     * The Greengrass variables of an environment of {@code spec}. {@code AUTH_TOKEN} is opaque and
     * checks nothing: the socket a call comes in on already says which environment made it.
     */
    public static Map<String, String> greengrass(EnvironmentSpec spec) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MY_FUNCTION_ARN", qualified(spec.taskName(), Integer.toString(spec.taskVersion())));
        env.put("SHADOW_FUNCTION_ARN", unqualified(SHADOW_SERVICE));
        env.put("ROUTER_FUNCTION_ARN", unqualified(ROUTER));
        env.put("AUTH_TOKEN", "edgecoord-" + spec.taskName() + "-" + spec.taskVersion());
        env.put("GG_EDGECOORD_SEAM", SEAM_PATH);
        return env;
    }
}
