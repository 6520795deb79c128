package io.scenicpass.server.visitors;

import io.scenicpass.server.visitors.store.VisitStore;
import io.scenicpass.server.visitors.store.VisitStore.Event;
import io.scenicpass.server.visitors.store.VisitStore.ZoneTime;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A visit rebuilt from its pass's admissions of one park day (so applying an event twice changes nothing): the entry
 * is the first IN at a gate of the park's zone ({@code flow.parkZone}; else the first IN anywhere), the exit the last
 * OUT there after it, the dwell the minutes between; every other zone counts its entries and the minutes from each
 * IN to the next OUT of that zone (a zone still open at the park's exit is closed there).
 */
final class Visits {
    private final VisitStore store;
    private final BookingLinks links;
    private final ZoneId zone;
    private final String parkZone;

    Visits(VisitStore store, BookingLinks links, ZoneId zone, String parkZone) {
        this.store = store;
        this.links = links;
        this.zone = zone;
        this.parkZone = parkZone;
    }

    /** The park day an event belongs to. */
    LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    /** Whether the event is a visitor leaving the park. */
    boolean isExit(Event e) {
        return "OUT".equals(e.direction()) && parkZone.equals(e.zoneId());
    }

    /** Rebuilds the pass's visit of {@code day}; the visitor it belongs to (null: nobody known). */
    Long rebuild(Connection c, String passId, LocalDate day, Map<String, String> zoneKinds, Instant now)
            throws SQLException {
        Instant from = day.atStartOfDay(zone).toInstant();
        List<Event> events =
                store.ofPass(c, passId, from, day.plusDays(1).atStartOfDay(zone).toInstant());
        Instant entry = null;
        Instant exit = null;
        Instant firstIn = null;
        int party = 1;
        for (Event e : events) {
            party = Math.max(party, e.party());
            if ("IN".equals(e.direction()) && firstIn == null) {
                firstIn = e.at();
            }
            if (parkZone.equals(e.zoneId())) {
                if ("IN".equals(e.direction()) && entry == null) {
                    entry = e.at();
                } else if ("OUT".equals(e.direction())) {
                    exit = e.at();
                }
            }
        }
        entry = entry != null ? entry : firstIn;
        if (exit != null && (entry == null || exit.isBefore(entry))) {
            exit = null;
        }
        Map<String, int[]> zones = new TreeMap<>(); // zone -> {entries, minutes}
        Map<String, Instant> open = new HashMap<>();
        for (Event e : events) {
            if (e.zoneId() == null || parkZone.equals(e.zoneId())) {
                continue;
            }
            int[] z = zones.computeIfAbsent(e.zoneId(), k -> new int[2]);
            if ("IN".equals(e.direction())) {
                z[0]++;
                open.putIfAbsent(e.zoneId(), e.at());
            } else if ("OUT".equals(e.direction()) && open.containsKey(e.zoneId())) {
                z[1] += minutes(open.remove(e.zoneId()), e.at());
            }
        }
        if (exit != null) {
            for (Map.Entry<String, Instant> o : open.entrySet()) {
                zones.get(o.getKey())[1] += minutes(o.getValue(), exit);
            }
        }
        Optional<String> booking = store.bookingOfPass(c, passId);
        Long visitorId = booking.isEmpty()
                ? null
                : links.visitorOf(c, booking.get(), now).orElse(null);
        List<ZoneTime> zoneTimes = zones.entrySet().stream()
                .map(z -> new ZoneTime(
                        z.getKey(), zoneKinds.getOrDefault(z.getKey(), "OTHER"), z.getValue()[0], z.getValue()[1]))
                .toList();
        store.put(
                c,
                new VisitStore.Visit(
                        0,
                        passId,
                        day,
                        visitorId,
                        booking.orElse(null),
                        party,
                        entry,
                        exit,
                        entry != null && exit != null ? minutes(entry, exit) : 0),
                zoneTimes);
        return visitorId;
    }

    private static int minutes(Instant from, Instant to) {
        return (int) Math.max(0, Duration.between(from, to).toMinutes());
    }
}
