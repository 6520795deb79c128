package io.scenicpass.server.flow;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.flow.store.FlowStore.PassSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 2-hour arrival forecast per slot and per gate ({@link Forecaster} over an {@link ArrivalModel} learned from
 * the last {@link FlowConfig#trainingDays()} days, relearned hourly) and its backtest on held-out history.
 */
public final class ForecastService {
    /** Forecast horizon in 5-minute bins (2 hours). */
    public static final int HORIZON_BINS = 24;

    /** What the dashboard shows: actual arrivals of the last 2 hours beside the forecast of the next 2. */
    public record ForecastView(
            Instant asOf,
            Instant from,
            int bucketMinutes,
            long[] actualBefore,
            double[] total,
            double[] walkUps,
            Map<String, double[]> perSlot,
            Map<String, double[]> perGate,
            double expectedNext2h,
            long occupancyNow,
            double expectedPeakOccupancy,
            double noShowPct,
            int trainingDays,
            long trainingPeople) {}

    /** Backtest result: MAPE of hourly arrivals, forecast one hour ahead, against a same-hour-average floor. */
    public record Accuracy(
            int trainDays, int testDays, int hours, double mapePct, double baselineMapePct, long testPeople) {}

    private final Database db;
    private final FlowStore store;
    private final FlowService flow;
    private final Clock clock;
    private final FlowConfig config;
    private volatile ArrivalModel model;
    private volatile Instant learnedAt = Instant.EPOCH;
    private volatile LocalDate learnedFor;
    private volatile double meanDwellMinutes;

    public ForecastService(Database db, FlowStore store, FlowService flow, Clock clock, FlowConfig config) {
        this.db = db;
        this.store = store;
        this.flow = flow;
        this.clock = clock;
        this.config = config;
    }

    /** The model learned from the finished days before today (cached for an hour). */
    public ArrivalModel model() {
        Instant now = clock.instant();
        LocalDate today = flow.today();
        ArrivalModel m = model;
        if (m == null || !today.equals(learnedFor) || now.isAfter(learnedAt.plus(Duration.ofHours(1)))) {
            Instant to = flow.dayStart(today);
            Instant from = flow.dayStart(today.minusDays(config.trainingDays()));
            m = ArrivalModel.learn(db.read(c -> store.passSamples(c, from, to)), config.zone());
            Double dwell = db.read(c -> store.meanDwellMillis(c, from, to));
            meanDwellMinutes = dwell == null ? 0 : dwell / 60_000.0;
            model = m;
            learnedAt = now;
            learnedFor = today;
        }
        return m;
    }

    /** Mean time from first entry to first exit in the training window, minutes (0 = no exits recorded). */
    public double meanDwellMinutes() {
        model();
        return meanDwellMinutes;
    }

    /**
     * Expected occupancy at the end of each forecast bin: now + expected arrivals − exits, exits modelled as
     * leaving at rate 1 / mean dwell (no exits when none were recorded).
     */
    public double[] occupancyPath(long occupancyNow, Forecaster.Forecast f) {
        double dwell = meanDwellMinutes();
        double leave = dwell <= 0 ? 0 : Math.min(1, ArrivalModel.BIN_MIN / dwell);
        double[] out = new double[f.bins()];
        double run = occupancyNow;
        for (int j = 0; j < f.bins(); j++) {
            run = run + f.total()[j] - run * leave;
            out[j] = run;
        }
        return out;
    }

    /** Today's slots and their sold passes as known now. */
    List<PassSample> todaysPasses() {
        LocalDate d = flow.today();
        return db.read(c -> store.passSamples(c, flow.dayStart(d), flow.dayStart(d.plusDays(1))));
    }

    static List<Forecaster.SlotRef> slotRefs(List<FlowService.SlotRow> slots) {
        List<Forecaster.SlotRef> out = new ArrayList<>();
        for (FlowService.SlotRow s : slots) {
            out.add(new Forecaster.SlotRef(s.slotId(), s.productId(), s.startAt(), s.endAt()));
        }
        return out;
    }

    /** The forecast for the next 2 hours from now. */
    public Forecaster.Forecast forecast() {
        return Forecaster.forecast(
                model(), slotRefs(flow.slots(flow.today())), todaysPasses(), clock.instant(), HORIZON_BINS);
    }

    /** The forecast beside the actual arrivals of the previous 2 hours (same 5-minute grid). */
    public ForecastView view() {
        ArrivalModel m = model();
        Forecaster.Forecast f = forecast();
        Instant before = f.from().minus(Duration.ofMinutes(5L * HORIZON_BINS));
        FlowService.Series gates = flow.arrivals(before, f.from())[0];
        long[] actual = new long[HORIZON_BINS];
        gates.series().values().forEach(a -> {
            for (int i = 0; i < HORIZON_BINS && i < a.length; i++) {
                actual[i] += a[i];
            }
        });
        double sum = 0;
        for (double v : f.total()) {
            sum += v;
        }
        long occ = flow.occupancy().park();
        double peak = occ;
        for (double v : occupancyPath(occ, f)) {
            peak = Math.max(peak, v);
        }
        return new ForecastView(
                clock.instant(),
                f.from(),
                5,
                actual,
                round(f.total()),
                round(f.walkUps()),
                roundAll(f.perSlot()),
                roundAll(f.perGate()),
                FlowService.round1(sum),
                occ,
                Math.round(peak),
                FlowService.round1(100 * m.noShow()),
                m.trainingDays(),
                m.trainingPeople());
    }

    /**
     * Walk-up sales still expected for a slot (people): the learned day-of sales rate over the part of the slot
     * still ahead × today's pre-booked people × the product's share of day-of sales.
     */
    public double expectedWalkUps(FlowService.SlotRow s, Instant asOf, double preBooked) {
        ArrivalModel m = model();
        double share = m.productShare.getOrDefault(s.productId(), 0.0);
        double sum = 0;
        long bin = ArrivalModel.BIN_MS;
        for (long t = Math.max(asOf.toEpochMilli(), s.startAt().toEpochMilli()) / bin * bin;
                t < s.endAt().toEpochMilli();
                t += bin) {
            sum += m.walkUpRate[ArrivalModel.dayBin(Instant.ofEpochMilli(t), config.zone())];
        }
        return sum * preBooked * share;
    }

    /** People pre-booked (bought before the visit day) for today. */
    public double preBookedToday(List<PassSample> today) {
        double n = 0;
        for (PassSample p : today) {
            if (!ArrivalModel.dayOf(p, config.zone())) {
                n += p.people();
            }
        }
        return n;
    }

    /**
     * Trains on the {@code trainDays} days before the last {@code testDays} finished days and forecasts each
     * test hour (09:00–17:00 local, hours with at least 20 arrivals) from one hour before it.
     */
    public Accuracy backtest(int trainDays, int testDays) {
        LocalDate today = flow.today();
        LocalDate split = today.minusDays(testDays);
        List<PassSample> train =
                db.read(c -> store.passSamples(c, flow.dayStart(split.minusDays(trainDays)), flow.dayStart(split)));
        List<PassSample> test = db.read(c -> store.passSamples(c, flow.dayStart(split), flow.dayStart(today)));
        ArrivalModel m = ArrivalModel.learn(train, config.zone());
        // floor: the average arrivals of the same hour over the training days
        double[] hourAvg = new double[24];
        for (PassSample p : train) {
            if (p.firstEntry() != null) {
                hourAvg[p.firstEntry().atZone(config.zone()).getHour()] += p.people();
            }
        }
        for (int h = 0; h < 24; h++) {
            hourAvg[h] /= Math.max(1, trainDays);
        }
        double ape = 0;
        double baseApe = 0;
        int hours = 0;
        long people = 0;
        for (LocalDate d = split; d.isBefore(today); d = d.plusDays(1)) {
            Instant ds = flow.dayStart(d);
            Instant de = flow.dayStart(d.plusDays(1));
            List<PassSample> day = test.stream()
                    .filter(p -> !p.slotStart().isBefore(ds) && p.slotStart().isBefore(de))
                    .toList();
            Map<String, Forecaster.SlotRef> refs = new LinkedHashMap<>();
            for (PassSample p : day) {
                refs.putIfAbsent(
                        p.slotId(), new Forecaster.SlotRef(p.slotId(), p.productId(), p.slotStart(), p.slotEnd()));
                people += p.people();
            }
            for (int h = 9; h <= 17; h++) {
                Instant hs = ds.plus(Duration.ofHours(h));
                Instant he = hs.plus(Duration.ofHours(1));
                long actual = 0;
                for (PassSample p : day) {
                    if (p.firstEntry() != null
                            && !p.firstEntry().isBefore(hs)
                            && p.firstEntry().isBefore(he)) {
                        actual += p.people();
                    }
                }
                if (actual < 20) {
                    continue;
                }
                Instant asOf = hs.minus(Duration.ofHours(1));
                List<PassSample> known =
                        day.stream().filter(p -> !p.bookedAt().isAfter(asOf)).toList();
                Forecaster.Forecast f =
                        Forecaster.forecast(m, new ArrayList<>(refs.values()), known, asOf, HORIZON_BINS);
                double predicted = 0;
                for (int j = 12; j < 24; j++) {
                    predicted += f.total()[j];
                }
                ape += Math.abs(predicted - actual) / actual;
                baseApe += Math.abs(hourAvg[h] - actual) / actual;
                hours++;
            }
        }
        return new Accuracy(
                trainDays,
                testDays,
                hours,
                hours == 0 ? Double.NaN : FlowService.round1(100 * ape / hours),
                hours == 0 ? Double.NaN : FlowService.round1(100 * baseApe / hours),
                people);
    }

    private static double[] round(double[] a) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = FlowService.round1(a[i]);
        }
        return out;
    }

    private static Map<String, double[]> roundAll(Map<String, double[]> m) {
        Map<String, double[]> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, round(v)));
        return out;
    }
}
