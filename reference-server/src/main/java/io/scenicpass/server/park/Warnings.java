package io.scenicpass.server.park;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.store.AlertStore.AlertRow;
import io.scenicpass.server.messages.MessageKind;
import io.scenicpass.server.messages.VisitorMessages;
import io.scenicpass.server.park.store.WarningStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings to a day's visitors: a WEATHER notice (once per visit day it covers, from today) and a crowd alert of the
 * park (once per alert episode). Each is a {@code park_warning} row written with the notice, or when the alert is
 * seen; {@link #deliver()} hands it to {@link VisitorMessages#sendToVisitorsOf} once (claimed under a lease, so two nodes never both send it;
 * retried with backoff while its day lasts).
 */
public final class Warnings {
    private static final Logger LOG = LoggerFactory.getLogger(Warnings.class);
    /** Days of one weather notice warned about ahead (a longer notice warns its first days). */
    static final int MAX_DAYS = 31;

    static final Duration LEASE = Duration.ofMinutes(2);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};

    private final Database db;
    private final WarningStore store;
    private final Clock clock;
    private final ZoneId zone;
    private final String parkZone;
    private final ObjectMapper json;
    private final VisitorMessages messages;

    public Warnings(
            Database db,
            WarningStore store,
            VisitorMessages messages,
            Clock clock,
            ZoneId zone,
            String parkZone,
            ObjectMapper json) {
        this.db = db;
        this.messages = messages;
        this.store = store;
        this.clock = clock;
        this.zone = zone;
        this.parkZone = parkZone;
        this.json = json;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** In the notice's transaction: a WEATHER notice warns the visitors of each of its days from today on. */
    void fromNotice(Connection c, Notice n) throws SQLException {
        if (n.kind() != Notice.Kind.WEATHER) {
            return;
        }
        LocalDate first = n.from().isBefore(today()) ? today() : n.from();
        for (LocalDate d = first; !d.isAfter(n.until()) && d.isBefore(first.plusDays(MAX_DAYS)); d = d.plusDays(1)) {
            Map<String, String> f = new TreeMap<>();
            f.put("day", d.toString());
            f.put("noticeId", Long.toString(n.id()));
            f.put("severity", n.severity().name());
            f.put("titleZh", n.titleZh());
            f.put("titleEn", n.titleEn());
            f.put("bodyZh", n.bodyZh());
            f.put("bodyEn", n.bodyEn());
            store.add(
                    c, "notice:" + n.id() + ":" + d, d, MessageKind.WEATHER_WARNING.name(), write(f), clock.instant());
        }
    }

    /** A raised crowd alert of the park warns today's visitors, once per alert episode; other alerts are not theirs. */
    public void fromAlert(AlertRow a) {
        if (!a.active() || !"PARK".equals(a.scope()) || !parkZone.equals(a.targetId())) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(a.raisedAt(), zone);
        Map<String, String> f = new TreeMap<>();
        f.put("day", day.toString());
        f.put("levelPct", Long.toString(Math.round(a.levelPct())));
        f.put("basis", a.basis());
        f.put("textZh", a.textZh());
        f.put("textEn", a.textEn());
        db.tx(c -> store.add(
                c,
                "alert:" + a.key() + "#" + a.episode(),
                day,
                MessageKind.CROWD_WARNING.name(),
                write(f),
                clock.instant()));
    }

    /** Sends the due warnings once each; returns how many went. */
    public int deliver() {
        Instant now = clock.instant();
        int sent = 0;
        for (WarningStore.Row r : db.read(c -> store.due(c, now, today(), 100))) {
            if (!db.tx(c -> store.claim(c, r.key(), r.attempts(), now.plus(LEASE)))) {
                continue; // another node has it
            }
            try {
                messages.sendToVisitorsOf(r.day(), MessageKind.valueOf(r.kind()), json.readValue(r.fields(), FIELDS));
                db.tx(c -> {
                    store.sent(c, r.key(), clock.instant());
                    return null;
                });
                sent++;
            } catch (RuntimeException | JsonProcessingException e) {
                long secs = Math.min(3600, 30L << Math.min(r.attempts(), 10));
                LOG.warn("warning {} not sent (attempt {}): {}", r.key(), r.attempts() + 1, e.toString());
                db.tx(c -> {
                    store.failed(c, r.key(), e.toString(), clock.instant().plusSeconds(secs));
                    return null;
                });
            }
        }
        return sent;
    }

    /** Every warning row (for the admin API and tests). */
    public List<WarningStore.Row> all() {
        return db.read(store::all);
    }

    /** The scheduled work: alerts raised while no listener ran (another node, a restart) and due deliveries. */
    public Runnable job(Supplier<List<AlertRow>> activeAlerts) {
        return () -> {
            activeAlerts.get().forEach(this::fromAlert);
            deliver();
        };
    }

    private String write(Map<String, String> f) {
        try {
            return json.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
