package io.scenicpass.server.terminal.http;

import io.javalin.http.Context;
import io.scenicpass.core.wire.WireError;
import io.scenicpass.core.wire.WireHeaders;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.server.http.ApiError;
import io.scenicpass.server.http.HttpGuards;
import java.time.Clock;

/**
 * The terminal API's error mapper: a {@link WireError} {@code {code, message}} with the HTTP status, and the
 * server time header like every other terminal response.
 */
public final class TerminalErrors {
    private TerminalErrors() {}

    /** Renders any exception of a {@code /terminal} request. */
    public static void render(Context ctx, Exception e, Clock clock) {
        write(ctx, ApiError.classify(e, HttpGuards.method(ctx).name(), ctx.path()), clock);
    }

    /**
     * Writes a classified error. With a null clock the server-time header already set for the request (by the
     * terminal API's before-handler, with the server's clock) is kept.
     */
    public static void write(Context ctx, ApiError.Classified c, Clock clock) {
        String code = c.internal() ? "INTERNAL_ERROR" : c.problem().name();
        if (clock != null || ctx.res().getHeader(WireHeaders.SERVER_TIME) == null) {
            ctx.header(
                    WireHeaders.SERVER_TIME,
                    Long.toString(clock == null ? System.currentTimeMillis() : clock.millis()));
        }
        try {
            ctx.status(c.status())
                    .contentType("application/json")
                    .result(WireJson.mapper().writeValueAsBytes(new WireError(code, c.message())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            ctx.status(c.status()).result("{\"code\":\"" + code + "\"}");
        }
    }
}
