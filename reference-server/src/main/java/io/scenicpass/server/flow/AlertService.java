package io.scenicpass.server.flow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.core.wire.DisplayMessage;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.store.AlertStore;
import io.scenicpass.server.flow.store.AlertStore.AlertRow;
import io.scenicpass.server.terminal.PushHub;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Capacity alerts. A slot alerts when its sold + held places, or those plus the walk-ups still expected, reach
 * the threshold (default 80 %) of its capacity; the park alerts when its occupancy now, or the forecast peak
 * of the next 2 hours (arrivals in, exits out at the learned mean dwell), reaches the threshold of the park's
 * capacity. An alert is raised ONCE (a conditional
 * update of its row), pushed to the terminals ({@link PushHub#alert}: zh/en text, remaining capacity) and queued
 * for the notifier webhook; it clears when the level falls below threshold − hysteresis (pushed and notified
 * too). The scheduled evaluation holds a database lease, so with several server nodes only one evaluates.
 */
public final class AlertService {
    private static final Logger LOG = LoggerFactory.getLogger(AlertService.class);
    static final String JOB = "flow-alerts";
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_BACKOFF = Duration.ofHours(1);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    /** One evaluated level. */
    public record Level(
            String key,
            String scope,
            String targetId,
            String label,
            String basis,
            double levelPct,
            int capacity,
            int remaining) {}

    private final Database db;
    private final AlertStore store;
    private final FlowService flow;
    private final ForecastService forecast;
    private final Clock clock;
    private volatile FlowConfig config;
    private final String nodeId = UUID.randomUUID().toString();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = io.scenicpass.server.channels.WebhookService.client();
    private final io.scenicpass.server.channels.WebhookTargets targets;
    private volatile PushHub push;
    private final List<java.util.function.Consumer<AlertRow>> onRaised =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public AlertService(
            Database db,
            AlertStore store,
            FlowService flow,
            ForecastService forecast,
            Clock clock,
            FlowConfig config,
            io.scenicpass.server.channels.WebhookTargets targets) {
        this.targets = targets;
        this.db = db;
        this.store = store;
        this.flow = flow;
        this.forecast = forecast;
        this.clock = clock;
        this.config = config;
    }

    /** Where alerts go to terminals (optional: without it alerts are only stored and notified). */
    public void pushTo(PushHub hub) {
        this.push = hub;
    }

    /** Also tells {@code listener} of each alert raised (after its commit; a failing listener is logged). */
    public void onRaised(java.util.function.Consumer<AlertRow> listener) {
        onRaised.add(listener);
    }

    /** Sets (null or blank: removes) the notifier URL: http(s) to a public address ({@code WebhookTargets}). */
    public void setNotifierUrl(String url) {
        config = config.withNotifierUrl(targets.checkRegistration("url", url));
    }

    public String notifierUrl() {
        return config.notifierUrl();
    }

    /** The current levels of today's open slots and of the park. */
    public List<Level> levels() {
        Instant now = clock.instant();
        List<Level> out = new ArrayList<>();
        List<io.scenicpass.server.flow.store.FlowStore.PassSample> today = forecast.todaysPasses();
        double preBooked = forecast.preBookedToday(today);
        for (FlowService.SlotRow s : flow.slots(flow.today())) {
            if (!s.endAt().isAfter(now) || s.capacity() <= 0) {
                continue;
            }
            int used = s.sold() + s.held();
            double expected = used + forecast.expectedWalkUps(s, now, preBooked);
            boolean fc = expected > used + 0.5;
            double level = Math.max(used, expected) / s.capacity();
            out.add(new Level(
                    "SLOT|" + s.slotId(),
                    "SLOT",
                    s.slotId(),
                    label(s),
                    fc && used < config.threshold() * s.capacity() ? "FORECAST" : "ACTUAL",
                    FlowService.round1(100 * level),
                    s.capacity(),
                    s.remaining()));
        }
        FlowService.Occupancy occ = flow.occupancy();
        if (occ.capacity() > 0) {
            Forecaster.Forecast f = forecast.forecast();
            double peak = occ.park();
            for (double v : forecast.occupancyPath(occ.park(), f)) {
                peak = Math.max(peak, v);
            }
            String basis = occ.park() >= config.threshold() * occ.capacity() ? "ACTUAL" : "FORECAST";
            out.add(new Level(
                    "PARK|" + occ.date(),
                    "PARK",
                    config.parkZone(),
                    config.parkZone(),
                    basis,
                    FlowService.round1(100 * peak / occ.capacity()),
                    occ.capacity(),
                    (int) Math.max(0, occ.capacity() - occ.park())));
        }
        return out;
    }

    /** Evaluates every level now (on demand); returns the alerts raised or cleared by this call. */
    public List<AlertRow> evaluate() {
        Instant now = clock.instant();
        List<AlertRow> changed = new ArrayList<>();
        double on = 100 * config.threshold();
        double off = 100 * (config.threshold() - config.hysteresis());
        for (Level l : levels()) {
            db.tx(c -> {
                store.ensure(c, l.key(), l.scope(), l.targetId(), now);
                AlertRow cur = store.find(c, l.key()).orElseThrow();
                if (!cur.active() && l.levelPct() >= on) {
                    AlertRow a = new AlertRow(
                            l.key(),
                            l.scope(),
                            l.targetId(),
                            cur.episode() + 1,
                            true,
                            l.basis(),
                            l.levelPct(),
                            l.capacity(),
                            l.remaining(),
                            textZh(l),
                            textEn(l),
                            now,
                            null,
                            now);
                    if (store.raise(c, a, now)) {
                        store.addNotification(c, l.key() + "#" + a.episode() + "#RAISED", payload(a, "RAISED"), now);
                        changed.add(a);
                    }
                } else if (cur.active() && l.levelPct() < off) {
                    if (store.clear(c, l.key(), l.levelPct(), l.remaining(), now)) {
                        AlertRow a = new AlertRow(
                                l.key(),
                                l.scope(),
                                l.targetId(),
                                cur.episode(),
                                false,
                                l.basis(),
                                l.levelPct(),
                                l.capacity(),
                                l.remaining(),
                                cur.textZh(),
                                cur.textEn(),
                                cur.raisedAt(),
                                now,
                                now);
                        store.addNotification(c, l.key() + "#" + a.episode() + "#CLEARED", payload(a, "CLEARED"), now);
                        changed.add(a);
                    }
                } else if (cur.active()) {
                    store.refresh(c, l.key(), l.basis(), l.levelPct(), l.capacity(), l.remaining(), now);
                }
                return null;
            });
        }
        PushHub hub = push;
        if (hub != null) {
            for (AlertRow a : changed) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("state", a.active() ? "RAISED" : "CLEARED");
                d.put("scope", a.scope());
                d.put("targetId", a.targetId());
                d.put("basis", a.basis());
                d.put("levelPct", a.levelPct());
                d.put("capacity", a.capacity());
                d.put("remaining", a.remaining());
                hub.alert(
                        a.key() + "#" + a.episode(),
                        a.active()
                                ? new DisplayMessage(a.textZh(), a.textEn())
                                : new DisplayMessage("限流提醒已解除", "Capacity alert cleared"),
                        d);
            }
        }
        for (AlertRow a : changed) {
            for (java.util.function.Consumer<AlertRow> l : onRaised) {
                if (!a.active()) {
                    break;
                }
                try {
                    l.accept(a);
                } catch (RuntimeException e) {
                    LOG.warn("alert {} listener failed: {}", a.key(), e.toString());
                }
            }
        }
        return changed;
    }

    /** The scheduled job: evaluates and delivers notifications only while this node holds the lease. */
    public boolean runScheduled() {
        Instant now = clock.instant();
        Duration lease = config.alertInterval().multipliedBy(3);
        boolean mine = db.tx(c -> store.lease(c, JOB, nodeId, now, now.plus(lease)));
        if (!mine) {
            return false;
        }
        evaluate();
        deliverNotifications();
        return true;
    }

    /** The job's node id (for tests of the lease). */
    public String nodeId() {
        return nodeId;
    }

    public List<AlertRow> alerts(int limit) {
        return db.read(c -> store.list(c, limit));
    }

    /**
     * An operator saw the active alert {@code key} ({@code by}: the audit log's actor); the first acknowledgement of
     * an episode is kept, a new episode needs its own. 404 NOT_FOUND for an unknown key, 409 CONFLICT when not active.
     */
    public void acknowledge(String key, String by) {
        db.tx(c -> {
            if (!store.acknowledge(c, key, by, clock.instant())) {
                store.find(c, key)
                        .filter(a -> a.episode() > 0)
                        .orElseThrow(() -> new io.scenicpass.server.ServiceException(
                                io.scenicpass.server.Problem.NOT_FOUND, "no such alert", key));
                throw new io.scenicpass.server.ServiceException(
                        io.scenicpass.server.Problem.CONFLICT, "the alert has cleared: nothing to acknowledge", key);
            }
            return null;
        });
    }

    /** The acknowledgements of the alerts' current episodes, by key. */
    public java.util.Map<String, AlertStore.Acknowledgement> acknowledgements() {
        return db.read(store::acknowledgements);
    }

    public long activeCount() {
        return db.read(store::activeCount);
    }

    public long pendingNotifications() {
        return db.read(store::pendingNotifications);
    }

    /** POSTs due notifications to the notifier URL (at least once; 10 s doubling backoff, give up after 24 h). */
    public int deliverNotifications() {
        String url = config.notifierUrl();
        if (url == null) {
            return 0;
        }
        Instant now = clock.instant();
        int ok = 0;
        for (AlertStore.Notification n : db.read(c -> store.dueNotifications(c, now, 100))) {
            if (!db.tx(c -> store.claimNotification(c, n.id(), n.attempts(), now.plus(Duration.ofMinutes(2))))) {
                continue;
            }
            String error;
            try {
                // the URL's host is resolved and checked before every delivery, not only when it was set
                HttpResponse<Void> r = http.send(
                        HttpRequest.newBuilder(targets.checkDelivery(url))
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .header("ScenicPass-Event-Id", n.eventId())
                                .POST(HttpRequest.BodyPublishers.ofString(n.payload()))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                error = r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            Instant t = clock.instant();
            String err = error;
            String status =
                    err == null ? "DELIVERED" : t.isAfter(n.createdAt().plus(GIVE_UP_AFTER)) ? "FAILED" : "PENDING";
            long secs = Math.min(MAX_BACKOFF.getSeconds(), FIRST_RETRY.getSeconds() << Math.min(n.attempts(), 20));
            db.tx(c -> {
                store.notificationDone(c, n.id(), status, t.plusSeconds(secs), err, t);
                return null;
            });
            if (err == null) {
                ok++;
            } else {
                LOG.info("alert notification {} not delivered ({}); status {}", n.eventId(), err, status);
            }
        }
        return ok;
    }

    private String payload(AlertRow a, String state) {
        ObjectNode o = json.createObjectNode();
        o.put("eventId", a.key() + "#" + a.episode() + "#" + state);
        o.put("state", state);
        o.put("scope", a.scope());
        o.put("targetId", a.targetId());
        o.put("basis", a.basis());
        o.put("levelPct", a.levelPct());
        o.put("capacity", a.capacity());
        o.put("remaining", a.remaining());
        o.put("zh", a.textZh());
        o.put("en", a.textEn());
        o.put("at", clock.instant().toString());
        return o.toString();
    }

    private String label(FlowService.SlotRow s) {
        java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        return s.productId() + " " + s.startAt().atZone(config.zone()).format(f) + "–"
                + s.endAt().atZone(config.zone()).format(f);
    }

    private static String textZh(Level l) {
        String what = "PARK".equals(l.scope()) ? "景区" : "时段 " + l.label();
        return what + ("FORECAST".equals(l.basis()) ? "预计" : "") + "已达 " + Math.round(l.levelPct()) + "% 容量，剩余 "
                + l.remaining() + " 人";
    }

    private static String textEn(Level l) {
        String what = "PARK".equals(l.scope()) ? "The park" : "Slot " + l.label();
        return what + ("FORECAST".equals(l.basis()) ? " is forecast to reach " : " is at ") + Math.round(l.levelPct())
                + "% of capacity; " + l.remaining() + " places left";
    }
}
