package io.scenicpass.server.flow;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.flow.store.FlowStore.HistoryBooking;
import io.scenicpass.server.flow.store.FlowStore.HistoryEvent;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.SlotRules;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Slot;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Synthetic flow history for the demo: {@code days} past days plus today so far, for every product of the
 * catalogue that opens the park — sold bookings (one pass per booking, party = quantity) from the demo channels, 80 % pre-booked
 * and 20 % bought on the day, first entries at the north and south gates following a realistic arrival
 * curve (about +5 min around slot start, σ 28 min, 6 % no-shows; walk-ups enter ~8 min after buying), exits
 * after ~4 h. Bulk JDBC batches, so a month seeds in about a second. Deterministic for a given seed.
 * Synthetic passes carry no signature (pass text "demo-history"); those still valid are marked revoked so they
 * never reach a terminal's manifest. Synthetic bookings have no unit items and never use the {@code ctrip}
 * channel (the one demo.json's channelApiKey belongs to).
 */
public final class DemoHistory {
    /** Not "ctrip": that is the channel whose key demo.json hands out, so its booking lists stay the user's own. */
    private static final String[] CHANNELS = {
        "meituan",
        "wechat-mini",
        "douyin",
        "fliggy",
        "official-site",
        "qunar",
        "alipay-mini",
        "tongcheng",
        "trip-com",
        "agency-cits",
        "mafengwo",
        "klook"
    };

    private static final double[] CHANNEL_W = {0.22, 0.18, 0.14, 0.1, 0.09, 0.06, 0.05, 0.04, 0.04, 0.03, 0.03, 0.02};
    private static final double[] SLOT_W = {0.32, 0.28, 0.2, 0.13, 0.07};

    private final Database db;
    private final CatalogueService catalogue;
    private final Clock clock;
    private final ZoneId zone;
    private final FlowStore flow = new FlowStore();
    private final InventoryStore inventory = new InventoryStore();

    public DemoHistory(Database db, CatalogueService catalogue, Clock clock, ZoneId zone) {
        this.db = db;
        this.catalogue = catalogue;
        this.clock = clock;
        this.zone = zone;
    }

    /** Seeds {@code days} past days and today up to now; returns the number of bookings written. */
    public int seed(int days, long seed, int basePeoplePerDay) {
        Random rnd = new Random(seed);
        Instant now = clock.instant();
        LocalDate today = now.atZone(zone).toLocalDate();
        List<HistoryBooking> rows = new ArrayList<>();
        int[] counter = {0};
        long t0 = System.nanoTime();
        List<CatalogueService.ProductView> products = catalogue.products(null);
        db.tx(c -> {
            for (LocalDate d = today.minusDays(days); !d.isAfter(today); d = d.plusDays(1)) {
                double dayFactor = (d.getDayOfWeek().getValue() >= 6 ? 1.45 : 1.0) * (0.9 + 0.2 * rnd.nextDouble());
                for (CatalogueService.ProductView pv : products) {
                    if (pv.options().isEmpty() || !pv.product().zones().contains("park")) {
                        continue; // the history is the park's (its gates); e.g. the museum has its own entrance
                    }
                    var option = pv.options().get(0).option();
                    double productShare = pv.product().groupPass()
                            ? 0.1
                            : pv.product().zones().size() > 1 ? 0.25 : 0.65;
                    for (Slot s :
                            SlotRules.generate(option, ZoneId.of(pv.product().timeZone()), d)) {
                        inventory.ensureSlot(c, s);
                    }
                    if (pv.product().dayPool() != null) {
                        inventory.ensureDayPool(c, pv.product().dayPool(), d);
                    }
                    List<Slot> slots = inventory.slots(c, option.id(), d, d);
                    long retailPerPerson = pv.options().get(0).prices().isEmpty()
                            ? 10000
                            : pv.options().get(0).prices().get(0).retail();
                    for (int i = 0; i < slots.size(); i++) {
                        Slot s = slots.get(i);
                        double w = i < SLOT_W.length ? SLOT_W[i] : 0.05;
                        int people = (int) Math.round(basePeoplePerDay * dayFactor * productShare * w);
                        boolean hot = d.equals(today)
                                && pv.product().zones().size() > 1
                                && !now.isBefore(s.startAt().minus(Duration.ofHours(2)))
                                && now.isBefore(s.endAt());
                        if (hot) { // today's running cable-car slot sells out fast: the demo's capacity alert
                            people = (int) (s.capacity() * 0.86);
                        }
                        people = Math.min(people, (int) (s.capacity() * 0.95) - s.sold() - s.held());
                        int sold = 0;
                        while (sold < people) {
                            int q = pv.product().groupPass() ? 10 + rnd.nextInt(20) : 2 + rnd.nextInt(7);
                            q = Math.min(q, people - sold);
                            HistoryBooking h = booking(rnd, pv, s, q, retailPerPerson, now, today, counter);
                            if (h != null) {
                                rows.add(h);
                                sold += q;
                            } else {
                                sold += q; // not sold yet at "now": skipped
                            }
                        }
                        int actuallySold = 0;
                        for (int k = rows.size() - 1;
                                k >= 0 && rows.get(k).slotId().equals(s.id());
                                k--) {
                            actuallySold += rows.get(k).quantity();
                        }
                        flow.addSold(c, s.id(), pv.product().dayPool(), d, actuallySold);
                    }
                }
            }
            return null;
        });
        long t1 = System.nanoTime();
        for (int i = 0; i < rows.size(); i += 1000) {
            List<HistoryBooking> chunk = rows.subList(i, Math.min(rows.size(), i + 1000));
            db.tx(c -> {
                flow.insertHistory(c, chunk);
                return null;
            });
        }
        org.slf4j.LoggerFactory.getLogger(DemoHistory.class)
                .info(
                        "demo history: {} bookings generated in {} ms," + " inserted in {} ms",
                        rows.size(),
                        (t1 - t0) / 1_000_000,
                        (System.nanoTime() - t1) / 1_000_000);
        return rows.size();
    }

    private HistoryBooking booking(
            Random rnd,
            CatalogueService.ProductView pv,
            Slot s,
            int q,
            long retailPerPerson,
            Instant now,
            LocalDate today,
            int[] counter) {
        Instant dayStart = s.localDate().atStartOfDay(zone).toInstant();
        boolean walkUp = rnd.nextDouble() < 0.2;
        Instant bookedAt;
        Instant firstEntry = null;
        if (walkUp) {
            // bought at the gate between 30 min before and 90 min after slot start
            bookedAt = s.startAt().plusSeconds(-1800 + rnd.nextInt(7200));
            if (rnd.nextDouble() > 0.02) {
                firstEntry = bookedAt.plusSeconds((long) (-Math.log(1 - rnd.nextDouble()) * 8 * 60));
            }
        } else {
            bookedAt = dayStart.minusSeconds(3600 + (long) (rnd.nextDouble() * 10 * 86400));
            if (rnd.nextDouble() > 0.06) {
                double offsetMin = Math.max(-60, Math.min(115, 5 + rnd.nextGaussian() * 28));
                firstEntry = s.startAt().plusSeconds((long) (offsetMin * 60));
            }
        }
        if (bookedAt.isAfter(now)) {
            return null;
        }
        List<HistoryEvent> events = new ArrayList<>();
        String passId = "H" + Long.toString(0x1000000000L + counter[0]++, 36).toUpperCase();
        if (firstEntry != null && firstEntry.isBefore(now)) {
            String gate = rnd.nextDouble() < 0.55 ? "gate-north" : "gate-south";
            events.add(new HistoryEvent(passId + "-in", gate, "park", "IN", firstEntry));
            Instant exit = firstEntry.plusSeconds((long) Math.max(3600, (4 + rnd.nextGaussian()) * 3600));
            if (exit.isBefore(now)) {
                events.add(new HistoryEvent(passId + "-out", "gate-south", "park", "OUT", exit));
            }
        }
        String channel = pick(rnd);
        Instant until = s.endAt();
        return new HistoryBooking(
                UUID.nameUUIDFromBytes(passId.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                        .toString(),
                channel,
                pv.product().id(),
                s.optionId(),
                s.id(),
                pv.product().dayPool(),
                s.localDate(),
                q,
                q * retailPerPerson,
                bookedAt,
                passId,
                dayStart,
                until,
                until.isAfter(now),
                events);
    }

    private static String pick(Random rnd) {
        double r = rnd.nextDouble();
        for (int i = 0; i < CHANNELS.length; i++) {
            r -= CHANNEL_W[i];
            if (r <= 0) {
                return CHANNELS[i];
            }
        }
        return CHANNELS[0];
    }
}
