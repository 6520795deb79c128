package io.scenicpass.benchmarks.server;

import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.Verdict;
import io.scenicpass.core.wire.EntryBatch;
import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.channels.store.Channel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Ingestion of visitor facts for {@link MeasuresScale}: gate entries and exits through the server's real path
 * ({@code EntryService.ingest}, what {@code POST /terminal/v1/entries} runs, then the hub's feed taking them in:
 * the new bookings linked to visitors, visits rebuilt, tags refreshed)
 * against the floor — the same rows put into {@code entry_event} with one JDBC batch in one transaction.
 */
final class FactIngest {
    static final int PARTY = 4;
    static final int BATCH = 500;

    private final IngestFixture fixture;
    private final ScenicPassServer server;
    private int round;

    FactIngest(ScenicPassServer server) {
        this.server = server;
        // a product and channel of this run's own (a run on kept facts, MeasuresScale --keep, finds the last run's)
        String run = Long.toString(server.clock().millis(), 36);
        this.fixture = new IngestFixture(
                server,
                "tour-live-" + run,
                new Channel("ingest-" + run, "ingest", "OTA", null, null, 100_000, 100_000, true));
    }

    /** Issues {@code bookings} confirmed bookings of 4 through the real booking path (not timed); their passes. */
    List<String> issue(int bookings) throws Exception {
        round++;
        return fixture.issue(fixture.product + "-" + round, bookings, PARTY);
    }

    /** An entry of each pass, then (next uploads) an exit 2 h later, through the real path; the time in ns. */
    long ingest(List<String> passes) {
        List<EntryEvent> events = events(passes, "");
        long t = System.nanoTime();
        for (int i = 0; i < events.size(); i += BATCH) {
            server.entries()
                    .ingest(
                            fixture.device,
                            new EntryBatch(fixture.device.id(), events.subList(i, Math.min(events.size(), i + BATCH))));
        }
        server.visitors().feed().catchUp(); // the hub takes them in: bookings linked, visits rebuilt, tags refreshed
        return System.nanoTime() - t;
    }

    /** The floor: as many rows into {@code entry_event} in one JDBC batch and transaction; the time in ns. */
    long floor(List<String> passes) throws Exception {
        List<EntryEvent> events = events(passes, "floor-");
        long now = server.clock().instant().toEpochMilli();
        long t = System.nanoTime();
        fixture.rawInsert(events, now);
        long ns = System.nanoTime() - t;
        // not timed: the floor's rows marked as taken in, or the next round's real path (the hub's feed) would
        // take them in too and do twice its own work
        server.database().tx(c -> {
            try (var ps = c.prepareStatement("INSERT INTO visitor_entry_applied(event_id, applied_at) VALUES (?, ?)")) {
                for (EntryEvent e : events) {
                    ps.setString(1, e.eventId());
                    ps.setLong(2, now);
                    ps.addBatch();
                }
                return ps.executeBatch().length;
            }
        });
        return ns;
    }

    private List<EntryEvent> events(List<String> passes, String idPrefix) {
        List<EntryEvent> events = new ArrayList<>();
        for (Direction dir : List.of(Direction.IN, Direction.OUT)) {
            long offset = dir == Direction.IN ? 0 : 7200;
            for (int i = 0; i < passes.size(); i++) {
                Instant at = IngestFixture.SLOT_START.plusSeconds(offset + i);
                String p = passes.get(i);
                events.add(fixture.event(idPrefix + p + "-" + dir, p, dir, Verdict.ADMIT, "OK", at));
            }
        }
        return events;
    }
}
