package io.edgecoord.routing;

/**
 * A Lambda function ARN as Greengrass's SDKs name what they call,
 * {@code arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]}. Any region and account
 * are accepted: functions brought from a Greengrass group carry their AWS account's. Pure.
 *
 * @param name the function's name, which is the task's
 * @param qualifier a version, an alias or {@code $LATEST}; null when the ARN has none
 */
record GreengrassArn(String name, String qualifier) {

    /** Reads an ARN, refusing with 400 what is not a Lambda function ARN. */
    static GreengrassArn parse(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", -1);
        if ((parts.length != 7 && parts.length != 8) || !parts[0].equals("arn") || parts[1].isEmpty()
                || !parts[2].equals("lambda") || !parts[5].equals("function") || parts[6].isEmpty()
                || (parts.length == 8 && parts[7].isEmpty())) {
            throw new InvalidGreengrassCallException("functionArn must be a Lambda function ARN, "
                    + "arn:aws:lambda:<region>:<account>:function:<name>[:<qualifier>]; got " + arn + ".");
        }
        return new GreengrassArn(parts[6], parts.length == 8 ? parts[7] : null);
    }
}
