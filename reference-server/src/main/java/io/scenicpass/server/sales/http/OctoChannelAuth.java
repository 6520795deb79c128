package io.scenicpass.server.sales.http;

import io.javalin.http.Context;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import java.util.Set;
import java.util.stream.Collectors;

/** An OCTO route's handler: authenticates the channel, rate-limits it and echoes capabilities, then runs the handler. */
final class OctoChannelAuth implements io.javalin.http.Handler {
    private static final String CHANNEL = "scenicpass.channel";

    private final ChannelService channels;
    /** The capabilities this server supports: the only ones echoed. */
    private final Set<String> supported;

    private final OctoApi.ChannelHandler h;

    OctoChannelAuth(ChannelService channels, Set<String> supported, OctoApi.ChannelHandler h) {
        this.channels = channels;
        this.supported = supported;
        this.h = h;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        String caps = ctx.header(OctoCapabilities.HEADER);
        if (caps != null) {
            String echoed = java.util.Arrays.stream(caps.split(","))
                    .map(String::trim)
                    .filter(supported::contains)
                    .distinct()
                    .collect(Collectors.joining(", "));
            ctx.header(OctoCapabilities.HEADER, echoed);
        }
        String auth = ctx.header("Authorization");
        String key = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)
                ? auth.substring(7).trim()
                : null;
        Channel ch = channels.authenticate(key);
        long wait = channels.acquire(ch);
        if (wait > 0) {
            ctx.header("Retry-After", Long.toString(wait));
            throw new ServiceException(
                    Problem.TOO_MANY_REQUESTS, "rate limit exceeded for this channel, retry after " + wait + " s");
        }
        ctx.attribute(CHANNEL, ch.id());
        h.handle(ctx, ch);
    }
}
