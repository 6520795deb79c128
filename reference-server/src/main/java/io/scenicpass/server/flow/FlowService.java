package io.scenicpass.server.flow;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.terminal.store.TelemetryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The live flow of one day (the area's local date): occupancy per zone and for the park, arrivals in 5-minute
 * buckets per gate and per slot, the gate × hour heatmap, channel share of sales, slots with sold / entered /
 * remaining, gates with device health and telemetry. Read-only; every number is a SQL aggregate.
 */
public final class FlowService {
    public static final long BUCKET_MS = Duration.ofMinutes(5).toMillis();

    /** Occupancy of one zone since local midnight. */
    public record ZoneOccupancy(String zoneId, long in, long out, long occupancy) {}

    /** The park's occupancy now and against its capacity. */
    public record Occupancy(
            Instant asOf, LocalDate date, long park, int capacity, double levelPct, List<ZoneOccupancy> zones) {}

    /** A slot's fill. */
    public record SlotRow(
            String slotId,
            String productId,
            Instant startAt,
            Instant endAt,
            int capacity,
            int sold,
            int held,
            long entered,
            int remaining,
            boolean closed) {}

    /** Sales share of one channel. */
    public record ChannelShare(
            String channelId, String name, long bookings, long units, long retail, double sharePct) {}

    /** Counts per key in equal buckets from {@code from}. */
    public record Series(Instant from, int bucketMinutes, int buckets, Map<String, long[]> series) {}

    /** Gate × hour (local) admitted entries of a day. */
    public record Heatmap(LocalDate date, List<String> gates, long[][] counts, long max) {}

    /** A device at a gate with its health and latest telemetry. */
    public record DeviceHealth(
            String deviceId,
            String name,
            boolean revoked,
            Instant lastSeenAt,
            long secondsSinceSeen,
            String status,
            List<TelemetryStore.Reading> telemetry) {}

    /** A gate with its devices. */
    public record GateView(String gateId, String name, String zoneId, String direction, List<DeviceHealth> devices) {}

    private final Database db;
    private final FlowStore store;
    private final TelemetryStore telemetry;
    private final Clock clock;
    private final FlowConfig config;

    public FlowService(Database db, FlowStore store, TelemetryStore telemetry, Clock clock, FlowConfig config) {
        this.db = db;
        this.store = store;
        this.telemetry = telemetry;
        this.clock = clock;
        this.config = config;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(config.zone()));
    }

    public Instant dayStart(LocalDate d) {
        return d.atStartOfDay(config.zone()).toInstant();
    }

    /** The park's capacity: configured, else the day's ticket pool capacity (0 when unknown). */
    public int parkCapacity(LocalDate d) {
        if (config.parkCapacity() > 0) {
            return config.parkCapacity();
        }
        Integer c = db.read(cn -> store.dayCapacity(cn, config.dayPool(), d));
        return c == null ? 0 : c;
    }

    public Occupancy occupancy() {
        Instant now = clock.instant();
        LocalDate d = today();
        List<FlowStore.ZoneCount> counts = db.read(c -> store.zoneCounts(c, dayStart(d), now.plusMillis(1)));
        List<ZoneOccupancy> zones = new ArrayList<>();
        long park = 0;
        for (FlowStore.ZoneCount z : counts) {
            long occ = Math.max(0, z.in() - z.out());
            zones.add(new ZoneOccupancy(z.zoneId(), z.in(), z.out(), occ));
            if (z.zoneId().equals(config.parkZone())) {
                park = occ;
            }
        }
        int cap = parkCapacity(d);
        return new Occupancy(now, d, park, cap, cap == 0 ? 0 : round1(100.0 * park / cap), zones);
    }

    public List<SlotRow> slots(LocalDate d) {
        List<SlotRow> out = new ArrayList<>();
        for (FlowStore.SlotFill s : db.read(c -> store.slotFill(c, d))) {
            out.add(new SlotRow(
                    s.slotId(),
                    s.productId(),
                    s.startAt(),
                    s.endAt(),
                    s.capacity(),
                    s.sold(),
                    s.held(),
                    s.entered(),
                    s.closed() ? 0 : Math.max(0, s.capacity() - s.sold() - s.held()),
                    s.closed()));
        }
        return out;
    }

    public List<ChannelShare> channels(LocalDate d) {
        List<FlowStore.ChannelSales> rows = db.read(c -> store.channelSales(c, d));
        long units = rows.stream().mapToLong(FlowStore.ChannelSales::units).sum();
        List<ChannelShare> out = new ArrayList<>();
        for (FlowStore.ChannelSales r : rows) {
            out.add(new ChannelShare(
                    r.channelId(),
                    r.channelName() == null ? r.channelId() : r.channelName(),
                    r.bookings(),
                    r.units(),
                    r.retail(),
                    units == 0 ? 0 : round1(100.0 * r.units() / units)));
        }
        return out;
    }

    /** Admitted IN people per gate and per slot in 5-minute buckets over [from, to). */
    public Series[] arrivals(Instant from, Instant to) {
        int n = (int) Math.max(0, (to.toEpochMilli() - from.toEpochMilli() + BUCKET_MS - 1) / BUCKET_MS);
        Series gates = series(from, n, db.read(c -> store.gateArrivals(c, from, to, BUCKET_MS)));
        Series slots = series(from, n, db.read(c -> store.slotArrivals(c, from, to, BUCKET_MS)));
        return new Series[] {gates, slots};
    }

    private static Series series(Instant from, int n, List<FlowStore.Bucket> rows) {
        Map<String, long[]> m = new TreeMap<>();
        for (FlowStore.Bucket b : rows) {
            if (b.bucket() >= 0 && b.bucket() < n) {
                m.computeIfAbsent(b.key(), k -> new long[n])[(int) b.bucket()] += b.people();
            }
        }
        return new Series(from, 5, n, m);
    }

    public Heatmap heatmap(LocalDate d) {
        Instant from = dayStart(d);
        List<FlowStore.Bucket> rows =
                db.read(c -> store.gateArrivals(c, from, from.plus(Duration.ofDays(1)), 3_600_000L));
        List<String> gates = new ArrayList<>();
        for (FlowStore.GateDevice g : db.read(store::gateDevices)) {
            if (!gates.contains(g.gateId())) {
                gates.add(g.gateId());
            }
        }
        for (FlowStore.Bucket b : rows) {
            if (!gates.contains(b.key())) {
                gates.add(b.key());
            }
        }
        long[][] counts = new long[gates.size()][24];
        long max = 0;
        for (FlowStore.Bucket b : rows) {
            if (b.bucket() >= 0 && b.bucket() < 24) {
                long v = counts[gates.indexOf(b.key())][(int) b.bucket()] += b.people();
                max = Math.max(max, v);
            }
        }
        return new Heatmap(d, gates, counts, max);
    }

    /** Gates with their devices: ONLINE when seen in the last 2 minutes, STALE within 15, else OFFLINE. */
    public List<GateView> gates() {
        Instant now = clock.instant();
        List<TelemetryStore.Reading> readings = db.read(c -> telemetry.latest(c, null));
        Map<String, GateView> out = new LinkedHashMap<>();
        for (FlowStore.GateDevice g : db.read(store::gateDevices)) {
            GateView v = out.computeIfAbsent(
                    g.gateId(),
                    k -> new GateView(g.gateId(), g.gateName(), g.zoneId(), g.direction(), new ArrayList<>()));
            if (g.deviceId() == null) {
                continue;
            }
            long since = g.lastSeenAt() == null
                    ? -1
                    : Duration.between(g.lastSeenAt(), now).getSeconds();
            String status = g.revoked()
                    ? "REVOKED"
                    : since < 0 ? "NEVER_SEEN" : since <= 120 ? "ONLINE" : since <= 900 ? "STALE" : "OFFLINE";
            List<TelemetryStore.Reading> mine = readings.stream()
                    .filter(r -> r.deviceId().equals(g.deviceId()))
                    .toList();
            v.devices()
                    .add(new DeviceHealth(
                            g.deviceId(), g.deviceName(), g.revoked(), g.lastSeenAt(), since, status, mine));
        }
        return new ArrayList<>(out.values());
    }

    static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
