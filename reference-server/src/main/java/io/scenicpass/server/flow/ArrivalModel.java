package io.scenicpass.server.flow;

import io.scenicpass.server.flow.store.FlowStore.PassSample;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the forecast learns from history (pure data, no I/O):
 * <ul>
 *   <li>the arrival curve of pre-booked passes: share of people whose first entry falls in each 5-minute bin
 *       from {@value #FIRST_OFFSET_MIN} to {@value #LAST_OFFSET_MIN} minutes relative to slot start (earlier
 *       and later entries are clamped into the edge bins), plus the share that never comes (no-shows);</li>
 *   <li>walk-up (day-of) sales: people bought on the visit day per 5-minute bin of the day, per pre-booked
 *       person of that day, and the lag from purchase to entry (5-minute bins up to an hour);</li>
 *   <li>each product's share of day-of sales and each gate's share of first entries.</li>
 * </ul>
 */
public final class ArrivalModel {
    public static final int BIN_MIN = 5;
    public static final int FIRST_OFFSET_MIN = -60;
    public static final int LAST_OFFSET_MIN = 120;
    public static final int BINS = (LAST_OFFSET_MIN - FIRST_OFFSET_MIN) / BIN_MIN;
    static final int DAY_BINS = 24 * 60 / BIN_MIN;
    static final int LAG_BINS = 12;
    static final long BIN_MS = Duration.ofMinutes(BIN_MIN).toMillis();

    final double[] curve = new double[BINS];
    double noShow;
    double walkUpNoShow;
    /** Day-of sales (people) per 5-minute bin of the day per pre-booked person. */
    final double[] walkUpRate = new double[DAY_BINS];

    final double[] walkUpLag = new double[LAG_BINS];
    final Map<String, Double> productShare = new HashMap<>();
    final Map<String, Double> gateShare = new HashMap<>();
    final ZoneId zone;
    int trainingDays;
    long trainingPeople;

    private ArrivalModel(ZoneId zone) {
        this.zone = zone;
    }

    /** Whether a pass was bought on its visit day (a walk-up, as opposed to pre-booked). */
    static boolean dayOf(PassSample s, ZoneId zone) {
        return !s.bookedAt().isBefore(dayStart(s.slotStart(), zone));
    }

    static Instant dayStart(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    /** Offset bin of an entry relative to its slot start, clamped into [0, BINS). */
    static int offsetBin(Instant slotStart, Instant entry) {
        long min = Math.floorDiv(entry.toEpochMilli() - slotStart.toEpochMilli(), 60_000L);
        int b = (int) Math.floorDiv(min - FIRST_OFFSET_MIN, BIN_MIN);
        return Math.max(0, Math.min(BINS - 1, b));
    }

    static int dayBin(Instant t, ZoneId zone) {
        ZonedDateTime z = t.atZone(zone);
        return (z.getHour() * 60 + z.getMinute()) / BIN_MIN;
    }

    /** Learns from the sold passes of finished slots (all samples must belong to the training window). */
    public static ArrivalModel learn(List<PassSample> samples, ZoneId zone) {
        ArrivalModel m = new ArrivalModel(zone);
        double pre = 0;
        double preEntered = 0;
        double walk = 0;
        double lagTotal = 0;
        Set<LocalDate> days = new HashSet<>();
        Map<String, Double> gates = new HashMap<>();
        for (PassSample s : samples) {
            days.add(s.slotStart().atZone(zone).toLocalDate());
            if (s.firstEntry() != null && s.firstGate() != null) {
                gates.merge(s.firstGate(), (double) s.people(), Double::sum);
            }
            if (dayOf(s, zone)) {
                walk += s.people();
                m.walkUpRate[dayBin(s.bookedAt(), zone)] += s.people();
                m.productShare.merge(s.productId(), (double) s.people(), Double::sum);
                if (s.firstEntry() != null) {
                    long lag = Math.max(
                            0, s.firstEntry().toEpochMilli() - s.bookedAt().toEpochMilli());
                    m.walkUpLag[(int) Math.min(LAG_BINS - 1, lag / BIN_MS)] += s.people();
                    lagTotal += s.people();
                }
                continue;
            }
            pre += s.people();
            if (s.firstEntry() != null) {
                m.curve[offsetBin(s.slotStart(), s.firstEntry())] += s.people();
                preEntered += s.people();
            }
        }
        m.trainingDays = days.size();
        m.trainingPeople = (long) (pre + walk);
        for (int i = 0; i < BINS; i++) {
            m.curve[i] = pre == 0 ? 0 : m.curve[i] / pre;
        }
        m.noShow = pre == 0 ? 0 : (pre - preEntered) / pre;
        for (int i = 0; i < DAY_BINS; i++) {
            m.walkUpRate[i] = pre == 0 ? 0 : m.walkUpRate[i] / pre;
        }
        for (int i = 0; i < LAG_BINS; i++) {
            m.walkUpLag[i] = lagTotal == 0 ? (i == 0 ? 1 : 0) : m.walkUpLag[i] / lagTotal;
        }
        m.walkUpNoShow = walk == 0 ? 0 : Math.max(0, (walk - lagTotal) / walk);
        double w = walk;
        m.productShare.replaceAll((k, v) -> w == 0 ? 0 : v / w);
        double g = gates.values().stream().mapToDouble(Double::doubleValue).sum();
        gates.forEach((k, v) -> m.gateShare.put(k, g == 0 ? 0 : v / g));
        return m;
    }

    /** The learned arrival curve (share per 5-minute offset bin from −60 min). */
    public double[] curve() {
        return curve.clone();
    }

    public double noShow() {
        return noShow;
    }

    double noShowWalkUp() {
        return walkUpNoShow;
    }

    public Map<String, Double> gateShare() {
        return Map.copyOf(gateShare);
    }

    public int trainingDays() {
        return trainingDays;
    }

    public long trainingPeople() {
        return trainingPeople;
    }
}
