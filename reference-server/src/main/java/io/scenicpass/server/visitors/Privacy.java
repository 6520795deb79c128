package io.scenicpass.server.visitors;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.visitors.segments.SegmentService;
import io.scenicpass.server.visitors.store.BookingLinkStore;
import io.scenicpass.server.visitors.store.ErasureStore;
import io.scenicpass.server.visitors.store.ReceiptStore;
import io.scenicpass.server.visitors.store.TagStore;
import io.scenicpass.server.visitors.store.VisitStore;
import io.scenicpass.server.visitors.store.VisitorStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A visitor's rights and the hub's minimisation: the masked record, the export of everything held (keys only as
 * their kind and a prefix of the hash: the hub never had the clear value), erasure on request, and the retention
 * job (facts older than {@code visitors.retentionMonths} erased, tags of visitors whose facts left the 12-month
 * window recomputed).
 */
public final class Privacy {
    private static final Logger LOG = LoggerFactory.getLogger(Privacy.class);
    private final Database db;
    private final VisitorStore visitors;
    private final BookingLinkStore bookings;
    private final VisitStore visits;
    private final ReceiptStore receipts;
    private final TagStore tagStore;
    private final Tags tags;
    private final ErasureStore erasure;
    private final SegmentService segments;
    private final VisitorFeed feed;
    private final int retentionMonths;
    private final SettingStore settings = new SettingStore();
    private final Clock clock;

    Privacy(
            Database db,
            VisitorStore visitors,
            BookingLinkStore bookings,
            VisitStore visits,
            ReceiptStore receipts,
            TagStore tagStore,
            Tags tags,
            ErasureStore erasure,
            SegmentService segments,
            VisitorFeed feed,
            int retentionMonths,
            Clock clock) {
        this.db = db;
        this.visitors = visitors;
        this.bookings = bookings;
        this.visits = visits;
        this.receipts = receipts;
        this.tagStore = tagStore;
        this.tags = tags;
        this.erasure = erasure;
        this.segments = segments;
        this.feed = feed;
        this.retentionMonths = retentionMonths;
        this.clock = clock;
    }

    /** The visitor's own record: consent, 12-month profile, tags, keys (kind and masked hash). */
    public Map<String, Object> record(long id) {
        feed.catchUp();
        return db.read(c -> {
            VisitorStore.Row v = visitors.find(c, id).orElseThrow(() -> notFound(id));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", v.id());
            m.put("createdAt", v.createdAt().toString());
            m.put("lastFactDay", v.lastFactDay().toString());
            Map<String, Object> consent = new LinkedHashMap<>();
            consent.put("marketing", v.consent());
            consent.put("source", v.consentSource());
            consent.put(
                    "at",
                    v.consentAt() == null
                            ? null
                            : Instant.ofEpochMilli(v.consentAt()).toString());
            m.put("consent", consent);
            m.put(
                    "profile12m",
                    Map.of(
                            "visits", v.visits12m(),
                            "bookings", v.bookings12m(),
                            "receipts", v.receipts12m(),
                            "spend", v.spend12m(),
                            "dwellMinutes", v.dwell12m()));
            m.put("tags", tagStore.tags(c, id));
            List<Map<String, Object>> keys = new ArrayList<>();
            for (VisitorStore.Key k : visitors.keys(c, id)) {
                keys.add(Map.of(
                        "kind",
                        k.kind(),
                        "hash",
                        k.hash().substring(0, 8) + "…",
                        "since",
                        k.createdAt().toString()));
            }
            m.put("keys", keys);
            return m;
        });
    }

    /** Everything the hub holds of the visitor (JSON), masked where it is a secret. */
    public Map<String, Object> export(long id) {
        Map<String, Object> m = record(id);
        db.read(c -> {
            List<Map<String, Object>> bs = new ArrayList<>();
            for (BookingLinkStore.Link b : bookings.ofVisitor(c, id)) {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("bookingUuid", b.uuid());
                bm.put("channel", b.channelId());
                bm.put("product", b.productId());
                bm.put("day", b.day().toString());
                bm.put("units", bookings.unitsOfLink(c, b.uuid()));
                bs.add(bm);
            }
            m.put("bookings", bs);
            List<Map<String, Object>> vs = new ArrayList<>();
            for (VisitStore.Visit v : visits.ofVisitor(c, id)) {
                Map<String, Object> vm = new LinkedHashMap<>();
                vm.put("day", v.day().toString());
                vm.put("passId", v.passId());
                vm.put("party", v.party());
                vm.put("entryAt", v.entryAt() == null ? null : v.entryAt().toString());
                vm.put("exitAt", v.exitAt() == null ? null : v.exitAt().toString());
                vm.put("dwellMinutes", v.dwellMinutes());
                List<Map<String, Object>> zs = new ArrayList<>();
                for (VisitStore.ZoneTime z : visits.zones(c, v.id())) {
                    zs.add(Map.of(
                            "zone", z.zoneId(), "kind", z.kind(), "entries", z.entries(), "minutes", z.minutes()));
                }
                vm.put("zones", zs);
                vs.add(vm);
            }
            m.put("visits", vs);
            List<Map<String, Object>> rs = new ArrayList<>();
            for (ReceiptStore.Receipt r : receipts.ofVisitor(c, id)) {
                Map<String, Object> rm = new LinkedHashMap<>();
                rm.put("partner", r.partnerId());
                rm.put("receiptId", r.receiptId());
                rm.put("day", r.day().toString());
                rm.put("amount", r.amount());
                rm.put("currency", r.currency());
                rs.add(rm);
            }
            m.put("receipts", rs);
            return null;
        });
        m.put("segments", segments.memberOf(id));
        return m;
    }

    /** Erases the visitor: keys, tags and record gone; facts kept only as counts. */
    public void erase(long id) {
        feed.catchUp(); // a booking of theirs still unread would otherwise bring them back
        if (!db.tx(c -> erasure.erase(c, id))) {
            throw notFound(id);
        }
    }

    /** The setting holding the last day whose visitors' tags were recomputed as it left the 12-month window. */
    static final String DECAYED_THROUGH = "visitors.tagsDecayedThrough";

    /** Visitors whose tags one transaction of the retention run recomputes (55,271 took 46 s at a year's size). */
    static final int DECAY_BATCH = 1_000;

    /**
     * The retention run (hourly): facts past retention erased; the tags of the visitors with a fact on each day that
     * left the 12-month window since the last run recomputed, each day once — an hourly run does a day's visitors
     * once (at 150,000 visitors a day that is tens of thousands of recomputations), and a run after the server was
     * down catches up the days it missed.
     */
    public void retain() {
        Instant now = clock.instant();
        LocalDate today = tags.today(clock);
        int gone = db.tx(c -> erasure.expire(c, today.minusMonths(retentionMonths)));
        LocalDate leaving = Tags.since(today).minusDays(1);
        LocalDate done = db.read(c -> settings.get(c, DECAYED_THROUGH))
                .map(LocalDate::parse)
                .orElse(leaving.minusDays(1));
        for (LocalDate d = done.plusDays(1); !d.isAfter(leaving); d = d.plusDays(1)) {
            LocalDate day = d;
            List<Long> ids = db.read(c -> tagStore.withFactOn(c, day));
            for (int i = 0; i < ids.size(); i += DECAY_BATCH) { // short transactions: the feed refreshes tags too
                List<Long> batch = ids.subList(i, Math.min(ids.size(), i + DECAY_BATCH));
                db.tx(c -> {
                    for (long v : batch) {
                        tags.refresh(c, v, now);
                    }
                    return null;
                });
            }
            db.tx(c -> {
                settings.put(c, DECAYED_THROUGH, day.toString()); // a run cut short goes on from the next day
                return null;
            });
        }
        if (gone > 0) {
            LOG.info("visitor hub retention: {} visitors without facts in {} months erased", gone, retentionMonths);
        }
    }

    private static ServiceException notFound(long id) {
        return new ServiceException(Problem.NOT_FOUND, "no such visitor", Long.toString(id));
    }
}
