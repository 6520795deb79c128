package io.scenicpass.server.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any route runs (a request line or URI it refuses, e.g. {@code %00} in the
 * path, an oversized header): a JSON body readable as both error shapes, OCTO {@code {error, errorMessage}} and
 * admin/terminal {@code {code, message}}, instead of Jetty's HTML page.
 */
final class JettyJsonErrors extends ErrorHandler {
    @Override
    protected void generateResponse(
            Request request, Response response, int status, String message, Throwable cause, Callback callback) {
        String code = status == 404
                ? "NOT_FOUND"
                : status == 413
                        ? "PAYLOAD_TOO_LARGE"
                        : status == 401
                                ? "UNAUTHORIZED"
                                : status == 503
                                        ? "SERVICE_UNAVAILABLE"
                                        : status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        // OCTO has no code of its own for "busy" (TOO_MANY_REQUESTS with Retry-After, as ApiError's) or "too large"
        String octo = status == 503
                ? "TOO_MANY_REQUESTS"
                : status >= 500 ? "INTERNAL_SERVER_ERROR" : status == 413 ? "BAD_REQUEST" : code;
        String text = status == 503
                ? ApiError.BUSY // waited too long for its turn (InFlightLimit)
                : status >= 500
                        ? "internal error, retry later"
                        : "the request was refused by the HTTP layer (" + status + ")";
        if (status == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, ApiError.RETRY_AFTER_SECONDS);
        }
        String body = "{\"error\":\"" + octo + "\",\"errorMessage\":\"" + text + "\",\"code\":\"" + code
                + "\",\"message\":\"" + text + "\"}";
        HttpGuards.SECURITY_HEADERS.forEach((k, v) -> response.getHeaders().put(k, v));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
