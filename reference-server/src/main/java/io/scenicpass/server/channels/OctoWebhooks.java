package io.scenicpass.server.channels;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.OctoWebhook;
import io.scenicpass.server.channels.store.OctoWebhookStore;
import io.scenicpass.server.channels.store.OutboxStore;
import io.scenicpass.server.db.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OCTO webhooks ({@code octo/webhooks}): endpoints a reseller subscribes itself, each channel seeing only its own.
 * Their events go through the same outbox as the channel's operator-configured webhook ({@link WebhookService}),
 * signed the same way with the subscription's own secret, the URL checked by {@link WebhookTargets}.
 */
public final class OctoWebhooks {
    /** The one event delivered today: a booking confirmed, changed, cancelled or redeemed. */
    public static final String BOOKING_UPDATE = "booking_update";
    /** Subscriptions per channel, at most (each is an extra delivery of every event). */
    static final int MAX_PER_CHANNEL = 20;

    /** A subscription request: {@code capabilities} are the request's (they shape the payload, e.g. pricing). */
    public record Create(
            String event, String url, Boolean retryOnError, Boolean useContactLanguage, List<String> capabilities) {}

    private final Database db;
    private final OctoWebhookStore store;
    private final WebhookTargets targets;
    private final Ids ids;
    private final Clock clock;
    private final SecureRandom random;

    public OctoWebhooks(
            Database db, OctoWebhookStore store, WebhookTargets targets, Ids ids, Clock clock, SecureRandom random) {
        this.db = db;
        this.store = store;
        this.targets = targets;
        this.ids = ids;
        this.clock = clock;
        this.random = random;
    }

    /** Subscribes an endpoint for the channel; the returned subscription carries its secret (shown only now). */
    public OctoWebhook create(Channel ch, Create req) {
        if (req.event() == null || req.event().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "event is required (" + BOOKING_UPDATE + ")");
        }
        if (!BOOKING_UPDATE.equals(req.event())) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    "event " + req.event() + " is not supported (supported: " + BOOKING_UPDATE + ")");
        }
        if (req.url() == null || req.url().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "url is required");
        }
        String url = targets.checkRegistration("url", req.url());
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        OctoWebhook w = new OctoWebhook(
                ids.uuidV7().toString(),
                ch.id(),
                req.event(),
                url,
                "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw),
                req.retryOnError() == null || req.retryOnError(),
                req.useContactLanguage() != null && req.useContactLanguage(),
                req.capabilities() == null ? List.of() : List.copyOf(req.capabilities()));
        return db.tx(c -> {
            if (store.count(c, ch.id()) >= MAX_PER_CHANNEL) {
                throw new ServiceException(
                        Problem.UNPROCESSABLE_ENTITY, "at most " + MAX_PER_CHANNEL + " webhooks per channel");
            }
            store.insert(c, w, clock.instant());
            return w;
        });
    }

    public List<OctoWebhook> list(Channel ch) {
        return db.read(c -> store.list(c, ch.id()));
    }

    /** Unsubscribes; NOT_FOUND for an id the channel does not own (another channel's included). */
    public OctoWebhook delete(Channel ch, String id) {
        return db.tx(c -> {
            Optional<OctoWebhook> w =
                    store.find(c, id).filter(x -> x.channelId().equals(ch.id()));
            if (w.isEmpty() || !store.delete(c, ch.id(), id)) {
                throw new ServiceException(Problem.NOT_FOUND, "no such webhook", id);
            }
            return w.get();
        });
    }

    /** The subscription an outbox row goes to, empty once it is deleted. */
    Optional<OctoWebhook> find(String id) {
        return db.read(c -> store.find(c, id));
    }

    /** The OCTO view of a subscription (never its secret). */
    public static Map<String, Object> view(OctoWebhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("event", w.event());
        m.put("url", w.url());
        m.put("capabilities", w.capabilities());
        m.put("retryOnError", w.retryOnError());
        m.put("useContactLanguage", w.useContactLanguage());
        return m;
    }

    /**
     * The outbox rows of the subscribed endpoints for these booking events (inside the caller's transaction): per
     * event and subscription one row, its payload OCTO's {@code {webhook, booking}}.
     */
    List<OutboxStore.NewMessage> rows(Connection c, List<WebhookService.Event> events) throws SQLException {
        Map<String, List<OctoWebhook>> byChannel = new HashMap<>();
        List<OutboxStore.NewMessage> rows = new ArrayList<>();
        for (WebhookService.Event e : events) {
            List<OctoWebhook> subs = byChannel.get(e.channel().id());
            if (subs == null) {
                subs = store.forEvent(c, e.channel().id(), BOOKING_UPDATE);
                byChannel.put(e.channel().id(), subs);
            }
            if (subs.isEmpty()) {
                continue;
            }
            JsonNode booking = OctoJson.mapper().valueToTree(e.booking());
            for (OctoWebhook w : subs) {
                ObjectNode payload = OctoJson.mapper().createObjectNode();
                payload.set("webhook", OctoJson.mapper().valueToTree(view(w)));
                JsonNode b = booking.deepCopy();
                if (!w.capabilities().contains("octo/pricing")) {
                    withoutPricing(b);
                }
                payload.set("booking", b);
                rows.add(new OutboxStore.NewMessage(
                        ids.eventId(), e.channel().id(), BOOKING_UPDATE, payload.toString(), w.id()));
            }
        }
        return rows;
    }

    /** Drops the pricing objects of a booking and its unit items (a subscriber without {@code octo/pricing}). */
    private static void withoutPricing(JsonNode booking) {
        if (booking instanceof ObjectNode o) {
            o.remove("pricing");
            JsonNode items = o.get("unitItems");
            if (items != null) {
                items.forEach(i -> {
                    if (i instanceof ObjectNode io) {
                        io.remove("pricing");
                    }
                });
            }
        }
    }
}
