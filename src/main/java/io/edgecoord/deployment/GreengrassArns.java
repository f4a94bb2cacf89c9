package io.edgecoord.deployment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the ARNs and special names a Greengrass v1 group uses, as one of its endpoints: a pure function. */
final class GreengrassArns {

    private static final Pattern FUNCTION = Pattern
        .compile("arn:aws[a-z-]*:lambda:[a-z0-9-]*:[0-9]*:function:([A-Za-z0-9_-]{1,140})(?::([A-Za-z0-9_$-]+))?");

    private static final Pattern THING = Pattern.compile("arn:aws[a-z-]*:iot:[a-z0-9-]*:[0-9]*:thing/(.+)");

    private GreengrassArns() {
    }

    /** One end of a Greengrass subscription. */
    sealed interface Endpoint {
    }

    /** A Lambda function, with its qualifier (a version number, an alias, {@code $LATEST}) or {@code null}. */
    record Function(String name, String qualifier) implements Endpoint {
    }

    /** An AWS IoT thing: a Greengrass device (or the core). */
    record Thing(String name) implements Endpoint {
    }

    /** {@code cloud}: AWS IoT Core. */
    record Cloud() implements Endpoint {
    }

    /** {@code GGShadowService}: the core's local shadow service. */
    record ShadowService() implements Endpoint {
    }

    /** Anything else, such as a connector's ARN. */
    record Other(String text) implements Endpoint {
    }

    static Endpoint endpoint(String text) {
        if ("cloud".equals(text)) {
            return new Cloud();
        }
        if ("GGShadowService".equals(text)) {
            return new ShadowService();
        }
        Function function = function(text);
        if (function != null) {
            return function;
        }
        Matcher thing = THING.matcher(text);
        return thing.matches() ? new Thing(thing.group(1)) : new Other(text);
    }

    /** The function an ARN names, or {@code null} when it is no Lambda function ARN. */
    static Function function(String arn) {
        Matcher matcher = (arn == null) ? null : FUNCTION.matcher(arn);
        if (matcher == null || !matcher.matches()) {
            return null;
        }
        return new Function(taskName(matcher.group(1)), matcher.group(2));
    }

    /** A Lambda function name as an edgecoord task name ({@code [A-Za-z0-9_-]{1,64}}). */
    static String taskName(String function) {
        return (function.length() > 64) ? function.substring(0, 64) : function;
    }

    /** A thing name as an edgecoord device name ({@code [A-Za-z0-9._:-]{1,128}}). */
    static String deviceName(String thing) {
        String name = thing.replaceAll("[^A-Za-z0-9._:-]", "-");
        return (name.length() > 128) ? name.substring(0, 128) : name;
    }

    /** Whether a qualifier is a published version number (not an alias, not {@code $LATEST}). */
    static boolean isVersion(String qualifier) {
        return qualifier != null && qualifier.matches("[0-9]+");
    }

    /** Whether a qualifier names an alias. */
    static boolean isAlias(String qualifier) {
        return qualifier != null && !isVersion(qualifier) && !"$LATEST".equals(qualifier.toUpperCase(Locale.ROOT));
    }
}
