package io.scenicpass.server.admin.http;

import io.javalin.http.Context;
import io.scenicpass.server.http.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;

/** The admin (and health) API's error mapper: {@code {code, message[, id]}} with the HTTP status. */
public final class AdminErrors {
    private AdminErrors() {}

    public static void write(Context ctx, ApiError.Classified c) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", c.internal() ? "INTERNAL_ERROR" : c.problem().name());
        body.put("message", c.message());
        if (c.offendingId() != null) {
            body.put("id", c.offendingId());
        }
        ctx.status(c.status()).json(body);
    }
}
