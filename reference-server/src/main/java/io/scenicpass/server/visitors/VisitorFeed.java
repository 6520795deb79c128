package io.scenicpass.server.visitors;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.visitors.store.BookingLinkStore;
import io.scenicpass.server.visitors.store.VisitStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How facts reach the hub: it READS the sold bookings of every channel and the stored entry events (join on read),
 * rather than being called from each place that confirms a booking (OCTO, cart orders, Ctrip, shop, kiosk, box
 * office, offline sync) or ingests entries. One reader sees every channel without a hook in seven paths, survives a
 * crash (a cursor per feed in {@code setting}) and cannot be forgotten by the next channel. Each run reads what came
 * since its cursor minus {@link #WINDOW} (a transaction that committed late is still seen), skipping what it already
 * took (bookings linked, events marked applied): nothing is applied twice. Runs on the job's interval and before
 * each of the hub's answers ({@link #catchUp()}), so a caller never reads stale facts.
 */
public final class VisitorFeed implements VisitEvents {
    private static final Logger LOG = LoggerFactory.getLogger(VisitorFeed.class);
    static final Duration WINDOW = Duration.ofMinutes(10);
    private static final int BATCH = 1000;
    private static final String BOOKINGS = "visitors.feed.bookings";
    private static final String ENTRIES = "visitors.feed.entries";

    private final Database db;
    private final SettingStore settings = new SettingStore();
    private final BookingLinkStore bookings;
    private final BookingLinks links;
    private final VisitStore visitStore;
    private final Visits visits;
    private final Tags tags;
    private final Clock clock;
    private final List<Consumer<VisitEnded>> listeners = new CopyOnWriteArrayList<>();

    VisitorFeed(
            Database db,
            BookingLinkStore bookings,
            BookingLinks links,
            VisitStore visitStore,
            Visits visits,
            Tags tags,
            Clock clock) {
        this.db = db;
        this.bookings = bookings;
        this.links = links;
        this.visitStore = visitStore;
        this.visits = visits;
        this.tags = tags;
        this.clock = clock;
    }

    @Override
    public void onVisitEnded(Consumer<VisitEnded> listener) {
        listeners.add(listener);
    }

    /** Takes in every booking and entry event not taken yet; then tells the listeners of the exits it saw. */
    public synchronized void catchUp() {
        while (bookingsOnce() == BATCH) {
            // a backlog (first start on an existing database): the next batch
        }
        List<VisitEnded> ended = new ArrayList<>();
        while (entriesOnce(ended) == BATCH) {
            // the next batch
        }
        for (VisitEnded v : ended) {
            for (Consumer<VisitEnded> l : listeners) {
                try {
                    l.accept(v);
                } catch (RuntimeException e) {
                    LOG.warn("visit-ended listener failed for visitor {}: {}", v.visitorId(), e.toString());
                }
            }
        }
    }

    private int bookingsOnce() {
        return db.tx(c -> {
            long cursor = Long.parseLong(settings.get(c, BOOKINGS).orElse("0"));
            Instant now = clock.instant();
            List<BookingLinkStore.Source> fresh = bookings.unlinked(c, cursor - WINDOW.toMillis(), BATCH);
            for (BookingLinkStore.Source s : fresh) {
                links.link(c, s, now);
                cursor = Math.max(cursor, s.confirmedAt());
            }
            if (!fresh.isEmpty()) {
                settings.put(c, BOOKINGS, Long.toString(cursor));
            }
            return fresh.size();
        });
    }

    private int entriesOnce(List<VisitEnded> ended) {
        return db.tx(c -> {
            long cursor = Long.parseLong(settings.get(c, ENTRIES).orElse("0"));
            long[] last = {cursor};
            List<VisitStore.Event> fresh = visitStore.unapplied(c, cursor - WINDOW.toMillis(), BATCH, last);
            if (fresh.isEmpty()) {
                return 0;
            }
            Instant now = clock.instant();
            Map<String, String> kinds = visitStore.zoneKinds(c);
            Map<String, List<VisitStore.Event>> byVisit = new LinkedHashMap<>(); // pass + day
            for (VisitStore.Event e : fresh) {
                byVisit.computeIfAbsent(e.passId() + " " + visits.dayOf(e.at()), k -> new ArrayList<>())
                        .add(e);
            }
            Set<Long> touched = new LinkedHashSet<>();
            for (List<VisitStore.Event> group : byVisit.values()) {
                VisitStore.Event first = group.get(0);
                LocalDate day = visits.dayOf(first.at());
                Long visitor = visits.rebuild(c, first.passId(), day, kinds, now);
                if (visitor != null) {
                    touched.add(visitor);
                    for (VisitStore.Event e : group) {
                        if (visits.isExit(e)) {
                            ended.add(new VisitEnded(
                                    visitor,
                                    e.passId(),
                                    visitStore.bookingOfPass(c, e.passId()).orElse(null),
                                    day,
                                    e.at()));
                        }
                    }
                }
            }
            for (long v : touched) {
                tags.refresh(c, v, now);
            }
            visitStore.applied(c, fresh.stream().map(VisitStore.Event::eventId).toList(), now);
            visitStore.forgetApplied(
                    c, Instant.ofEpochMilli(last[0]).minus(WINDOW).minus(Duration.ofDays(1)));
            settings.put(c, ENTRIES, Long.toString(last[0]));
            return fresh.size();
        });
    }
}
