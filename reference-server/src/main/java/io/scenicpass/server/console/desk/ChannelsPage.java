package io.scenicpass.server.console.desk;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.ChannelsModule;
import io.scenicpass.server.channels.WebhookService;
import io.scenicpass.server.channels.http.ChannelsAdminApi;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.channels.store.OctoWebhook;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.flow.FlowService;
import io.scenicpass.server.sales.CapacityChanges;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/channels}: the channels with their rate limits, live keys and failed deliveries (VIEW); one channel
 * ({@code ?id=}) with its keys (labels and dates only), allotments from today, webhook URL, OCTO subscriptions and
 * latest deliveries. Changes (audited, never with a key): create a channel and rotate its key (CHANNELS_WRITE; the
 * new key is on that one answer and nowhere else), its rate limit (CHANNELS_WRITE, enforced on OCTO at once), an
 * allotment (CATALOGUE_WRITE; refused below what the channel sold), the redelivery of a failed delivery
 * (CHANNELS_WRITE, sent by the webhook delivery job), the webhook URL and its signing secret (CHANNELS_WRITE; the
 * secret shown once, on a {@code no-store} answer).
 */
public final class ChannelsPage {
    /** A channel in the list. */
    public record Row(
            String id, String name, String kind, boolean active, int rate, int burst, long liveKeys, long failed) {}

    /** One channel in full. */
    public record Detail(
            Channel channel,
            List<ChannelStore.Key> keys,
            String allotmentsFrom,
            List<InventoryStore.Allotment> allotments,
            List<OctoWebhook> subscriptions,
            WebhookService.State webhooks) {}

    /** The page: the list, the channel shown, a key or webhook secret shown once, what was just done, or the refusal. */
    public record Model(
            List<Row> channels,
            Detail detail,
            String newKey,
            String newSecret,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final ChannelService channels;
    private final WebhookService webhooks;
    private final io.scenicpass.server.channels.OctoWebhooks subscriptions;
    private final CapacityChanges capacity;
    private final FlowService flow;

    ChannelsPage(ConsolePages pages, ChannelsModule module, CapacityChanges capacity, FlowService flow) {
        this.pages = pages;
        this.channels = module.channels;
        this.webhooks = module.webhooks;
        this.subscriptions = module.subscriptions;
        this.capacity = capacity;
        this.flow = flow;
    }

    void register(RoutesConfig r) {
        r.get("/console/channels", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, ctx.queryParam("id"), null, ctx.queryParam("done"), null);
        });
        r.post("/console/channels/create", this::create);
        r.post("/console/channels/rotate", this::rotate);
        r.post("/console/channels/limits", this::limits);
        r.post("/console/channels/allotment", this::allotment);
        r.post("/console/channels/redeliver", this::redeliver);
        r.post("/console/channels/webhook", this::webhookUrl);
        r.post("/console/channels/webhook-secret", this::webhookSecret);
    }

    private void create(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CHANNELS_WRITE);
        String id = ctx.formParam("id");
        try {
            Channel ch = channels.create(new Channel(
                    Forms.text(ctx, "id"),
                    Forms.text(ctx, "name"),
                    Forms.text(ctx, "kind"),
                    null,
                    null,
                    Forms.number(ctx, "ratePerSecond"),
                    Forms.number(ctx, "burst"),
                    true));
            String key = channels.newKey(ch.id(), "initial");
            pages.audited(p, "console: create channel", "channelId=" + ch.id(), "rate=" + ch.ratePerSecond() + "/s");
            render(ctx, 201, ch.id(), key, "created", null);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), null, null, null, e);
        }
    }

    private void rotate(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CHANNELS_WRITE);
        String id = ctx.formParam("channelId");
        try {
            String key = channels.rotateKey(Forms.text(ctx, "channelId"));
            pages.audited(p, "console: rotate channel key", "channelId=" + id, "old keys revoked");
            render(ctx, 200, id, key, "rotated", null);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, null, e);
        }
    }

    private void limits(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CHANNELS_WRITE);
        String id = ctx.formParam("channelId");
        try {
            Channel old = channel(id);
            int rate = Forms.number(ctx, "ratePerSecond");
            int burst = Forms.number(ctx, "burst");
            channels.update(new Channel(
                    old.id(),
                    old.name(),
                    old.kind(),
                    old.webhookUrl(),
                    old.webhookSecret(),
                    rate,
                    burst,
                    old.active()));
            pages.audited(p, "console: channel rate limit", "channelId=" + id, "rate=" + rate + "/s burst=" + burst);
            done(ctx, id, "limits");
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, null, e);
        }
    }

    private void allotment(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CATALOGUE_WRITE);
        String id = ctx.formParam("channelId");
        try {
            String slotId = Forms.text(ctx, "slotId");
            int places = Forms.number(ctx, "capacity");
            capacity.putAllotment(slotId, channel(id).id(), places);
            pages.audited(
                    p, "console: channel allotment", "channelId=" + id, "slotId=" + slotId + " capacity=" + places);
            done(ctx, id, "allotment");
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, null, e);
        }
    }

    private void redeliver(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CHANNELS_WRITE);
        String id = ctx.formParam("channelId");
        try {
            long delivery = ChannelsAdminApi.deliveryId(Forms.text(ctx, "deliveryId"));
            webhooks.redeliver(channel(id).id(), delivery);
            pages.audited(p, "console: redeliver webhook", "channelId=" + id, "delivery=" + delivery);
            done(ctx, id, "redelivered");
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, null, e);
        }
    }

    /** The webhook URL (https; blank removes it); a channel without a signing secret gets one, shown once. */
    private void webhookUrl(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CHANNELS_WRITE);
        String id = ctx.formParam("channelId");
        try {
            String url = ctx.formParam("webhookUrl");
            String secret = channels.setWebhookUrl(channel(id).id(), url);
            String host = url == null || url.isBlank()
                    ? "none"
                    : java.net.URI.create(url.trim()).getHost();
            pages.audited(p, "console: channel webhook URL", "channelId=" + id, "host=" + host);
            if (secret == null) {
                done(ctx, id, "webhook");
            } else {
                render(ctx, 200, id, null, secret, "webhook", null);
            }
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, null, null, e);
        }
    }

    /** A new signing secret for the channel's webhook events, shown once (never audited, never shown again). */
    private void webhookSecret(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.CHANNELS_WRITE);
        String id = ctx.formParam("channelId");
        try {
            String secret = channels.rotateWebhookSecret(channel(id).id());
            pages.audited(p, "console: rotate webhook secret", "channelId=" + id, "old secret replaced");
            render(ctx, 200, id, null, secret, "secret", null);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, null, null, e);
        }
    }

    private void done(Context ctx, String id, String what) {
        ctx.redirect(
                "/console/channels?id=" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "&done=" + what,
                HttpStatus.SEE_OTHER);
    }

    private Channel channel(String id) {
        if (id == null || id.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "channelId is required");
        }
        return channels.find(id.trim())
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", id));
    }

    private void render(Context ctx, int status, String id, String newKey, String done, ServiceException e) {
        render(ctx, status, id, newKey, null, done, e);
    }

    private void render(
            Context ctx, int status, String id, String newKey, String newSecret, String done, ServiceException e) {
        List<Row> rows = new ArrayList<>();
        for (Channel ch : channels.list()) {
            long live =
                    channels.keys(ch.id()).stream().filter(k -> !k.revoked()).count();
            long failed = webhooks.state(ch.id(), 1).counts().getOrDefault("FAILED", 0L);
            rows.add(new Row(ch.id(), ch.name(), ch.kind(), ch.active(), ch.ratePerSecond(), ch.burst(), live, failed));
        }
        Detail detail = null;
        if (id != null && !id.isBlank()) {
            Channel ch = channels.find(id.trim()).orElse(null);
            if (ch == null && e == null) {
                e = new ServiceException(Problem.NOT_FOUND, "no such channel", id);
                status = 404;
            }
            if (ch != null) {
                java.time.LocalDate today = flow.today();
                detail = new Detail(
                        ch,
                        channels.keys(ch.id()),
                        today.toString(),
                        capacity.allotments(ch.id(), today),
                        subscriptions.list(ch),
                        webhooks.state(ch.id(), ChannelsAdminApi.LATEST));
            }
        }
        if (newKey != null || newSecret != null) {
            ctx.header("Cache-Control", "no-store");
        }
        Pages.render(
                ctx,
                status,
                "console/desk/channels.jte",
                pages.frame(ctx, "channels.title", DeskModule.TEXTS),
                new Model(
                        rows,
                        detail,
                        newKey,
                        newSecret,
                        done,
                        e == null ? null : e.problem().name(),
                        e == null ? null : e.getMessage()));
    }
}
