package io.edgecoord.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * What the servlet container refuses before any servlet sees the request (a request line with
 * characters no URI has, a path that decodes to something invalid, headers too large) answered as
 * a problem, or in Lambda's shape on the Lambda APIs, in place of Tomcat's HTML page. The detail
 * is fixed: the container's message may echo what the client sent.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error " + status : known.getReasonPhrase();
        String detail = status >= 500 ? "The server failed to handle the request."
                : "The request was refused before it reached the API (" + status + " " + title + "): "
                        + "its request line or headers are malformed or too large.";
        String body;
        try {
            if (LambdaPaths.matches(request.getRequestURI())) {
                response.setHeader(LambdaPaths.ERROR_TYPE, LambdaPaths.errorType(status));
                response.setContentType("application/json");
                body = "{\"Type\":\"" + LambdaPaths.body(status, "").get("Type") + "\",\"message\":\"" + detail + "\"}";
            }
            else {
                response.setContentType("application/problem+json");
                body = "{\"type\":\"" + Problems.forStatus(HttpStatusCode.valueOf(status)) + "\",\"title\":\"" + title
                        + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}";
            }
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException ex) {
            // The connection is gone or the response committed: nothing more can be said.
        }
    }
}
