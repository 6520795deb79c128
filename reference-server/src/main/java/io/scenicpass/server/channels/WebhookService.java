package io.scenicpass.server.channels;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.channel.webhook.WebhookSignature;
import io.scenicpass.core.Ids;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.channels.store.OutboxStore;
import io.scenicpass.server.db.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Channel webhooks through a persisted outbox: rows are written in the booking's transaction, delivered at
 * least once with HMAC-SHA256 signatures ({@link WebhookSignature}: {@code ScenicPass-Timestamp},
 * {@code ScenicPass-Signature: v1=…}, {@code ScenicPass-Event-Id}), retried with exponential backoff
 * (10 s doubling, capped at 1 h) for up to 24 h, and survive restarts because the outbox is the database.
 */
public final class WebhookService {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookService.class);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final long LEASE_MINUTES = 2;
    static final Duration LEASE = Duration.ofMinutes(LEASE_MINUTES);
    private static final int PAGE = 100;

    private final Database db;
    private final OutboxStore outbox;
    private final ChannelStore channels;
    private final Ids ids;
    private final Clock clock;
    private final HttpClient http;
    private final WebhookTargets targets;
    private final OctoWebhooks subscriptions;
    private final List<WebhookFormat> formats = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Told of every booking event in the transaction that enqueues it (messages to shop visitors). */
    private final List<BookingListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A booking event, in the caller's transaction (a failure rolls the change back). */
    public interface BookingListener {
        void on(Connection c, WebhookEventType type, io.scenicpass.channel.model.Booking booking) throws SQLException;
    }

    /** Adds a listener of booking events (confirmed, updated, cancelled, redeemed), whatever the channel. */
    public void listen(BookingListener l) {
        listeners.add(l);
    }

    /** {@code subscriptions}: the endpoints resellers subscribed through OCTO, each event delivered to them too. */
    public WebhookService(
            Database db,
            OutboxStore outbox,
            ChannelStore channels,
            Ids ids,
            Clock clock,
            WebhookTargets targets,
            OctoWebhooks subscriptions) {
        this.db = db;
        this.subscriptions = subscriptions;
        this.outbox = outbox;
        this.channels = channels;
        this.ids = ids;
        this.clock = clock;
        this.targets = targets;
        this.http = client();
    }

    /** The client of outbound webhooks: redirects are never followed (a 3xx could point at a private address). */
    public static HttpClient client() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Adds a format for channels that take another shape of message (an adapter's OTA). */
    public void addFormat(WebhookFormat format) {
        formats.add(format);
    }

    /** Adds a message of an adapter's own type for a channel to the outbox, inside the caller's transaction. */
    public void enqueueRaw(Connection c, String channelId, String type, String payload) throws SQLException {
        outbox.add(c, ids.eventId(), channelId, type, payload, clock.instant());
    }

    /**
     * Adds an event for a channel to the outbox, inside the caller's transaction (no-op without a webhook URL or an
     * OCTO subscription).
     */
    public void enqueue(Connection c, Channel ch, WebhookEventType type, io.scenicpass.channel.model.Booking booking)
            throws SQLException {
        Optional<Channel> fresh = channels.find(c, ch.id());
        if (fresh.isPresent()) {
            enqueueAll(c, List.of(new Event(fresh.get(), type, booking)));
        }
    }

    /** One event to enqueue; {@code channel} as read in the caller's transaction. */
    public record Event(Channel channel, WebhookEventType type, io.scenicpass.channel.model.Booking booking) {}

    /**
     * Adds several events to the outbox with one batch insert, inside the caller's transaction. The channels must have
     * been read in that transaction (their webhook URL decides; events of channels without one are dropped). The
     * channels' OCTO subscriptions get their own rows ({@link OctoWebhooks}).
     */
    public void enqueueAll(Connection c, List<Event> events) throws SQLException {
        for (BookingListener l : listeners) {
            for (Event e : events) {
                l.on(c, e.type(), e.booking());
            }
        }
        List<OutboxStore.NewMessage> rows = new java.util.ArrayList<>(events.size());
        rows.addAll(subscriptions.rows(c, events));
        Instant now = clock.instant();
        for (Event e : events) {
            Channel ch = e.channel();
            if (ch.webhookUrl() == null || ch.webhookUrl().isBlank()) {
                continue;
            }
            String eventId = ids.eventId();
            WebhookEvent ev = new WebhookEvent()
                    .eventId(eventId)
                    .type(e.type())
                    .utcCreatedAt(now)
                    .booking(e.booking());
            try {
                rows.add(new OutboxStore.NewMessage(
                        eventId, ch.id(), e.type().name(), OctoJson.mapper().writeValueAsString(ev)));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("cannot serialise webhook event", ex);
            }
        }
        outbox.addAll(c, rows, now);
    }

    /**
     * Delivers what is due now; returns how many were delivered. Safe to run on every node at once: a short
     * transaction claims a page of due rows ({@code FOR UPDATE SKIP LOCKED}, next attempt moved to the lease end), the
     * HTTP calls happen outside any transaction, and a node that dies mid-delivery leaves its rows to be retried by
     * any node after the lease ({@value #LEASE_MINUTES} min). Delivery is at least once (receivers dedupe on
     * {@code ScenicPass-Event-Id}); no two live nodes deliver the same row at the same time.
     */
    public int deliverDue() {
        int delivered = 0;
        while (true) {
            Instant now = clock.instant();
            List<OutboxStore.Message> mine = db.tx(c -> outbox.claimDue(c, now, PAGE, now.plus(LEASE)));
            for (OutboxStore.Message m : mine) {
                if (deliver(m)) {
                    delivered++;
                }
            }
            if (mine.size() < PAGE) {
                return delivered;
            }
        }
    }

    /**
     * Where a row goes and what signs it: the OCTO subscription it names, else the channel's webhook ({@code channel}
     * set, for an adapter's own message format).
     */
    private record Target(String url, String secret, boolean retry, Channel channel) {}

    private Optional<Target> target(OutboxStore.Message m) {
        if (m.webhookId() != null) {
            return subscriptions.find(m.webhookId()).map(w -> new Target(w.url(), w.secret(), w.retryOnError(), null));
        }
        return db.read(c -> channels.find(c, m.channelId()))
                .filter(ch -> ch.webhookUrl() != null)
                .map(ch -> new Target(ch.webhookUrl(), ch.webhookSecret() == null ? "" : ch.webhookSecret(), true, ch));
    }

    private boolean deliver(OutboxStore.Message m) {
        Optional<Target> to = target(m);
        String error;
        if (to.isEmpty()) {
            db.tx(c -> {
                outbox.failed(
                        c,
                        m.id(),
                        m.webhookId() != null ? "webhook was deleted" : "channel has no webhook URL any more");
                return null;
            });
            return false;
        }
        try {
            byte[] body = m.payload().getBytes(StandardCharsets.UTF_8);
            long ts = clock.instant().getEpochSecond();
            String secret = to.get().secret();
            URI target = targets.checkDelivery(to.get().url()); // resolved and checked now, not only when registered
            if (to.get().channel() != null) { // an adapter's OTA takes its own shape (OCTO subscriptions never)
                WebhookFormat.Delivery own = ownFormat(to.get().channel(), m, target);
                if (own != null) {
                    error = deliverOwn(m, own);
                    if (error == null) {
                        return true;
                    }
                    throw new OwnFormatFailed(error);
                }
            }
            HttpRequest req = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, ts, body))
                    .header(WebhookSignature.EVENT_ID_HEADER, m.eventId())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> resp = http.send(req, HttpResponse.BodyHandlers.discarding());
            if (resp.statusCode() / 100 == 2) {
                db.tx(c -> {
                    outbox.delivered(c, m.id(), clock.instant());
                    return null;
                });
                return true;
            }
            error = "HTTP " + resp.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (OwnFormatFailed e) {
            error = e.getMessage();
        } catch (WebhookTargets.Refused e) {
            LOG.warn("webhook {} to channel {} refused: {}", m.eventId(), m.channelId(), e.getMessage());
            error = "refused: " + e.getMessage();
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        Instant now = clock.instant();
        int attempt = m.attempts() + 1;
        String err = error;
        if (!to.get().retry()) {
            LOG.warn("webhook {} to {} failed, not retried (retryOnError false): {}", m.eventId(), m.channelId(), err);
            db.tx(c -> {
                outbox.failed(c, m.id(), err);
                return null;
            });
        } else if (now.isAfter(m.retryingSince().plus(GIVE_UP_AFTER))) {
            LOG.warn("webhook {} to {} failed for 24 h, giving up: {}", m.eventId(), m.channelId(), err);
            db.tx(c -> {
                outbox.failed(c, m.id(), err);
                return null;
            });
        } else {
            db.tx(c -> {
                outbox.retryLater(c, m.id(), now.plus(backoff(attempt)), err);
                return null;
            });
        }
        return false;
    }

    private WebhookFormat.Delivery ownFormat(Channel ch, OutboxStore.Message m, URI target) {
        for (WebhookFormat f : formats) {
            WebhookFormat.Delivery d = f.delivery(ch, m, target);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** Sends a message in an adapter's format: null when delivered (or nothing to send), else the error. */
    private String deliverOwn(OutboxStore.Message m, WebhookFormat.Delivery d) throws Exception {
        if (d.request() != null) {
            HttpResponse<String> resp = http.send(d.request(), HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() / 100 != 2) {
                return "HTTP " + resp.statusCode();
            }
            if (!d.accepted().test(resp.body())) {
                return "refused by receiver: " + abbreviate(resp.body());
            }
        }
        db.tx(c -> {
            outbox.delivered(c, m.id(), clock.instant());
            return null;
        });
        return null;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) : s;
    }

    /** An adapter's receiver did not accept a message (retried like any failed delivery). */
    private static final class OwnFormatFailed extends Exception {
        OwnFormatFailed(String message) {
            super(message, null, false, false);
        }
    }

    /** Delay before retry number {@code attempt} (1-based): 10 s, 20 s, 40 s … capped at 1 h. */
    public static Duration backoff(int attempt) {
        long seconds = FIRST_RETRY.getSeconds() << Math.min(attempt - 1, 20);
        return seconds > MAX_BACKOFF.getSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    /** A channel's webhook state: its deliveries by status and the latest {@code limit}, newest first. */
    public record State(java.util.Map<String, Long> counts, List<OutboxStore.Delivery> latest) {}

    public State state(String channelId, int limit) {
        return db.read(c -> new State(outbox.countByStatus(c, channelId), outbox.recent(c, channelId, limit)));
    }

    /**
     * Sends a FAILED delivery of the channel again: due now for the delivery job ({@link #deliverDue}), retried with
     * the usual backoff for another 24 h. 404 NOT_FOUND when the channel has no such delivery, 409 CONFLICT when it
     * has not failed.
     */
    public void redeliver(String channelId, long id) {
        db.tx(c -> {
            if (!outbox.redeliver(c, channelId, id, clock.instant())) {
                String status = outbox.status(c, channelId, id)
                        .orElseThrow(() -> new io.scenicpass.server.ServiceException(
                                io.scenicpass.server.Problem.NOT_FOUND, "channel has no delivery " + id, channelId));
                throw new io.scenicpass.server.ServiceException(
                        io.scenicpass.server.Problem.CONFLICT,
                        "delivery " + id + " is " + status + ": only a failed delivery is sent again",
                        Long.toString(id));
            }
            return null;
        });
    }

    public long pending() {
        return db.read(outbox::pendingCount);
    }
}
