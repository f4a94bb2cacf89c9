package io.edgecoord.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The paths of the AWS Lambda APIs that edgecoord serves ({@code /2015-03-31/…}, {@code /2016-08-19/…},
 * {@code /2017-10-31/…}), whose errors AWS's clients parse only in Lambda's shape: the code in
 * {@value #ERROR_TYPE} and a body {@code {"Type","message"}}; for those that no module's own
 * translation answers (the error page, the servlet container's refusals) this gives the code.
 */
public final class LambdaPaths {

    /** The header that carries a Lambda error's code. */
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    private static final Pattern LAMBDA = Pattern.compile("/20(15-03-31|16-08-19|17-10-31)/.*");

    private LambdaPaths() {
    }

    /** Whether {@code path} (a request URI without the context path) is one of the Lambda APIs'. */
    public static boolean matches(String path) {
        return path != null && LAMBDA.matcher(path).matches();
    }

    /** The code Lambda answers for an error of {@code status} that has no more specific one. */
    static String errorType(int status) {
        return switch (status) {
            case 401 -> "UnrecognizedClientException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 413 -> "RequestTooLargeException";
            case 415 -> "UnsupportedMediaTypeException";
            case 429 -> "TooManyRequestsException";
            default -> status >= 500 ? "ServiceException" : "InvalidRequestContentException";
        };
    }

    /** Lambda's error body. */
    static Map<String, String> body(int status, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("Type", status >= 500 ? "Service" : "User");
        body.put("message", message);
        return body;
    }
}
