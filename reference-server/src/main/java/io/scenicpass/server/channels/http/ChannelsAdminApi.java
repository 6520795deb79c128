package io.scenicpass.server.channels.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.admin.AdminService;
import io.scenicpass.server.admin.http.AdminApi;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.OctoWebhooks;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.store.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A channel's keys and webhooks on the admin API: {@code GET .../keys} (labels and dates, never a key),
 * {@code POST .../keys/rotate} (every live key revoked, a new one answered once), {@code GET .../webhooks} (the
 * channel's webhook URL, its OCTO subscriptions without their secrets, deliveries by status and the latest 50) and
 * {@code POST .../deliveries/{deliveryId}/redeliver} (a failed delivery sent again by the delivery job).
 */
public final class ChannelsAdminApi {
    /** How many of a channel's latest deliveries the state shows. */
    public static final int LATEST = 50;

    private final AdminService admin;
    private final ChannelService channels;
    private final WebhookService webhooks;
    private final OctoWebhooks subscriptions;

    public ChannelsAdminApi(
            AdminService admin, ChannelService channels, WebhookService webhooks, OctoWebhooks subscriptions) {
        this.admin = admin;
        this.channels = channels;
        this.webhooks = webhooks;
        this.subscriptions = subscriptions;
    }

    public void register(RoutesConfig r) {
        String p = "/admin/v1/channels/{id}";
        r.get(p + "/keys", AdminApi.authenticated(admin, ctx -> ctx.json(Map.of("keys", channels.keys(id(ctx))))));
        r.post(
                p + "/keys/rotate",
                AdminApi.authenticated(
                        admin,
                        ctx -> ctx.status(201)
                                .header("Cache-Control", "no-store")
                                .json(Map.of("apiKey", channels.rotateKey(id(ctx))))));
        r.get(p + "/webhooks", AdminApi.authenticated(admin, ctx -> ctx.json(state(channel(ctx)))));
        r.post(p + "/deliveries/{deliveryId}/redeliver", AdminApi.authenticated(admin, ctx -> {
            webhooks.redeliver(channel(ctx).id(), deliveryId(ctx.pathParam("deliveryId")));
            ctx.status(204);
        }));
    }

    /** A channel's webhook state, as the admin API and the console's channels page show it. */
    public Map<String, Object> state(Channel ch) {
        WebhookService.State s = webhooks.state(ch.id(), LATEST);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("webhookUrl", ch.webhookUrl());
        m.put("subscriptions", subscriptions(ch));
        m.put("counts", s.counts());
        m.put("deliveries", s.latest());
        return m;
    }

    /** A channel's OCTO subscriptions without their signing secrets. */
    public List<Map<String, Object>> subscriptions(Channel ch) {
        return subscriptions.list(ch).stream()
                .map(w -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", w.id());
                    m.put("event", w.event());
                    m.put("url", w.url());
                    m.put("retryOnError", w.retryOnError());
                    return m;
                })
                .toList();
    }

    /** A delivery's id: a whole number, else 400. */
    public static long deliveryId(String s) {
        try {
            return Long.parseLong(s == null ? "" : s.trim());
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "deliveryId must be a number");
        }
    }

    private Channel channel(Context ctx) {
        return channels.find(id(ctx))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", ctx.pathParam("id")));
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }
}
