package io.scenicpass.server.sales.http;

import io.javalin.http.Context;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.server.channels.OctoWebhooks;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.OctoWebhook;
import io.scenicpass.server.http.RequestBodies;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code octo/webhooks}: {@code GET/POST /octo/webhooks}, {@code DELETE /octo/webhooks/{id}} for the authenticated
 * channel. A created webhook is answered with its {@code secret} (an extension, shown only then): deliveries are
 * signed with it like every ScenicPass webhook ({@code ScenicPass-Signature}).
 */
final class OctoWebhooksApi {
    /** The body of {@code POST /octo/webhooks}. */
    record CreateBody(String event, String url, Boolean retryOnError, Boolean useContactLanguage) {}

    private static final RequestBodies BODIES =
            RequestBodies.of(OctoJson.newMapper()).ignoringUnknownFields();

    private final OctoWebhooks webhooks;

    OctoWebhooksApi(OctoWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    void list(Context ctx, Channel ch) {
        ok(ctx, webhooks.list(ch).stream().map(OctoWebhooks::view).toList());
    }

    void create(Context ctx, Channel ch) throws java.io.IOException {
        CreateBody b = BODIES.read(ctx, CreateBody.class);
        OctoWebhook w = webhooks.create(
                ch,
                new OctoWebhooks.Create(
                        b.event(), b.url(), b.retryOnError(), b.useContactLanguage(), capabilities(ctx)));
        Map<String, Object> view = new java.util.LinkedHashMap<>(OctoWebhooks.view(w));
        view.put("secret", w.secret());
        ok(ctx, view);
    }

    void delete(Context ctx, Channel ch) {
        ok(ctx, OctoWebhooks.view(webhooks.delete(ch, ctx.pathParam("id"))));
    }

    /** The request's capabilities this server supports: those the OCTO handler echoes (see {@code OctoApi}). */
    private static List<String> capabilities(Context ctx) {
        String echoed = ctx.res().getHeader(OctoCapabilities.HEADER);
        return echoed == null || echoed.isBlank()
                ? List.of()
                : Arrays.stream(echoed.split(",")).map(String::trim).toList();
    }

    private static void ok(Context ctx, Object body) {
        ctx.contentType("application/json").result(OctoJson.write(body));
    }
}
