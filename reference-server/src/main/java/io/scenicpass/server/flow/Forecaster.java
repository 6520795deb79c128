package io.scenicpass.server.flow;

import io.scenicpass.server.flow.store.FlowStore.PassSample;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected arrivals (people) in 5-minute bins after {@code asOf}, from what is known at {@code asOf}:
 * <ol>
 *   <li>each sold pass that has not entered yet is spread over the remaining bins of the learned arrival curve,
 *       conditioned on not having come so far (the no-show share stays in the denominator);</li>
 *   <li>walk-ups not sold yet: the learned day-of sales rate per pre-booked person × today's pre-booked people,
 *       each future sale arriving after the learned purchase-to-entry lag; split over the products' slots by
 *       the learned product share;</li>
 *   <li>gates get the total × their learned share of first entries.</li>
 * </ol>
 */
public final class Forecaster {
    private Forecaster() {}

    /** A slot the forecast may assign arrivals to. */
    public record SlotRef(String slotId, String productId, Instant startAt, Instant endAt) {}

    /** The forecast: bin starts, totals, per slot and per gate (each array has one value per bin). */
    public record Forecast(
            Instant from,
            int bins,
            double[] total,
            double[] walkUps,
            Map<String, double[]> perSlot,
            Map<String, double[]> perGate) {}

    /**
     * @param known sold passes of the slots of interest as known at {@code asOf} (bookedAt ≤ asOf; a firstEntry
     *     at or after asOf is treated as "not entered yet")
     */
    public static Forecast forecast(
            ArrivalModel m, List<SlotRef> slots, List<PassSample> known, Instant asOf, int bins) {
        long binMs = ArrivalModel.BIN_MS;
        long from = Math.floorDiv(asOf.toEpochMilli(), binMs) * binMs;
        double[] total = new double[bins];
        double[] walk = new double[bins];
        Map<String, double[]> perSlot = new LinkedHashMap<>();
        for (SlotRef s : slots) {
            perSlot.put(s.slotId(), new double[bins]);
        }
        ZoneId zone = m.zone;
        Instant dayStart = ArrivalModel.dayStart(asOf, zone);
        double preBooked = 0;
        // 1. sold passes not entered yet, by slot
        Map<String, double[]> waiting = new LinkedHashMap<>();
        Map<String, Instant> slotStart = new LinkedHashMap<>();
        for (PassSample p : known) {
            if (p.bookedAt().isAfter(asOf)) {
                continue;
            }
            if (!ArrivalModel.dayOf(p, zone)
                    && !p.slotStart().isBefore(dayStart)
                    && p.slotStart().isBefore(dayStart.plusSeconds(86400))) {
                preBooked += p.people();
            }
            boolean entered = p.firstEntry() != null && p.firstEntry().isBefore(asOf);
            if (!entered) {
                waiting.computeIfAbsent(p.slotId(), k -> new double[1])[0] += p.people();
                slotStart.put(p.slotId(), p.slotStart());
            }
        }
        for (Map.Entry<String, double[]> w : waiting.entrySet()) {
            long start = slotStart.get(w.getKey()).toEpochMilli();
            double n = w.getValue()[0];
            long firstBinStart = start + ArrivalModel.FIRST_OFFSET_MIN * 60_000L;
            double remainingMass = m.noShow;
            double[] mass = new double[ArrivalModel.BINS];
            for (int k = 0; k < ArrivalModel.BINS; k++) {
                long bs = firstBinStart + k * binMs;
                long be = bs + binMs;
                if (be <= asOf.toEpochMilli()) {
                    continue;
                }
                // the part of the current bin still ahead
                double part = bs >= asOf.toEpochMilli() ? 1.0 : (double) (be - asOf.toEpochMilli()) / binMs;
                mass[k] = m.curve[k] * part;
                remainingMass += mass[k];
            }
            if (remainingMass <= 0) {
                continue;
            }
            double[] slotArr = perSlot.computeIfAbsent(w.getKey(), k -> new double[bins]);
            for (int k = 0; k < ArrivalModel.BINS; k++) {
                if (mass[k] == 0) {
                    continue;
                }
                long bs = Math.max(firstBinStart + k * binMs, asOf.toEpochMilli());
                int j = (int) ((bs - from) / binMs);
                if (j >= 0 && j < bins) {
                    double v = n * mass[k] / remainingMass;
                    slotArr[j] += v;
                    total[j] += v;
                }
            }
        }
        // 2. walk-ups sold after asOf
        for (int j = 0; j < bins; j++) {
            long saleBin = from + j * binMs;
            if (saleBin + binMs <= asOf.toEpochMilli()) {
                continue;
            }
            Instant saleAt = Instant.ofEpochMilli(saleBin);
            if (!ArrivalModel.dayStart(saleAt, zone).equals(dayStart)) {
                continue;
            }
            double part =
                    saleBin >= asOf.toEpochMilli() ? 1.0 : (double) (saleBin + binMs - asOf.toEpochMilli()) / binMs;
            double sales = m.walkUpRate[ArrivalModel.dayBin(saleAt, zone)] * preBooked * part;
            for (int lag = 0; lag < ArrivalModel.LAG_BINS && j + lag < bins; lag++) {
                double v = sales * m.walkUpLag[lag] * (1 - m.noShowWalkUp());
                walk[j + lag] += v;
                total[j + lag] += v;
                for (SlotRef s : slots) {
                    if (!saleAt.isBefore(s.startAt()) && saleAt.isBefore(s.endAt())) {
                        perSlot.get(s.slotId())[j + lag] += v * m.productShare.getOrDefault(s.productId(), 0.0);
                    }
                }
            }
        }
        Map<String, double[]> perGate = new LinkedHashMap<>();
        m.gateShare.forEach((g, share) -> {
            double[] a = new double[bins];
            for (int j = 0; j < bins; j++) {
                a[j] = total[j] * share;
            }
            perGate.put(g, a);
        });
        return new Forecast(Instant.ofEpochMilli(from), bins, total, walk, perSlot, perGate);
    }
}
