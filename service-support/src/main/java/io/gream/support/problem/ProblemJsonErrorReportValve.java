package io.gream.support.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Tomcat's error report for failures that never reach Spring MVC (a header too large for the buffer, an encoded
 * slash or a control character in the path): an RFC 9457 problem document instead of Tomcat's HTML page, so every
 * answer of the API is problem+json, and the server's name and version are not shown.
 *
 * <p>An answer the application already wrote (including Spring's own error handling) is left as it is. The
 * {@code code} is derived from the status only: Tomcat does not say which rule the request broke.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    public ProblemJsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 431 -> "HEADERS_TOO_LARGE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        String detail = status >= 500 ? "The server could not handle the request."
                : "The request was refused before it reached the API: a malformed or too large request line or"
                + " header (for example an encoded slash in the path, or a header over the size limit).";
        String body = "{\"type\":\"urn:gream:problem:" + code.toLowerCase().replace('_', '-') + "\",\"title\":\""
                + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response cannot take a body: nothing more to say
        }
    }
}
