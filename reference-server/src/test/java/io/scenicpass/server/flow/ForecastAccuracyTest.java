package io.scenicpass.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forecast accuracy on held-out demo history: 28 synthetic days, trained on the first 21, each hour of the last 7
 * forecast one hour ahead. Prints the MAPE (the number in docs/benchmarks.md) beside a same-hour-average floor.
 */
class ForecastAccuracyTest {
    @TempDir
    static Path dir;

    static FlowHarness h;
    static long seedMillis;

    @BeforeAll
    static void start() {
        long t0 = System.nanoTime();
        h = new FlowHarness(dir, 28, FlowConfig.defaults());
        seedMillis = (System.nanoTime() - t0) / 1_000_000;
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void backtestBeatsTheSameHourAverageAndStaysWithinBounds() {
        ForecastService.Accuracy a = h.flow.forecast.backtest(21, 7);
        System.out.printf(
                "FORECAST ACCURACY: hourly arrivals, %d test hours over %d held-out days (%d people),"
                        + " trained on %d days: MAPE %.1f %% (same-hour-average floor %.1f %%); demo start with %d bookings of"
                        + " history took %d ms%n",
                a.hours(),
                a.testDays(),
                a.testPeople(),
                a.trainDays(),
                a.mapePct(),
                a.baselineMapePct(),
                h.seededBookings,
                seedMillis);
        assertThat(a.hours()).isGreaterThan(40);
        assertThat(a.mapePct()).isLessThan(25.0);
        assertThat(a.mapePct()).isLessThan(a.baselineMapePct());
    }

    @Test
    void learnedCurveLooksLikeTheSeededOne() {
        ArrivalModel m = h.flow.forecast.model();
        double[] c = m.curve();
        int peak = 0;
        for (int i = 1; i < c.length; i++) {
            if (c[i] > c[peak]) {
                peak = i;
            }
        }
        int peakOffsetMin = ArrivalModel.FIRST_OFFSET_MIN + peak * ArrivalModel.BIN_MIN;
        assertThat(peakOffsetMin).isBetween(-20, 30); // seeded: +5 min, sigma 28 min
        assertThat(m.noShow()).isBetween(0.03, 0.09); // seeded: 6 %
        assertThat(m.gateShare().get("gate-north")).isBetween(0.5, 0.6); // seeded: 55 %
        assertThat(h.flow.forecast.meanDwellMinutes()).isBetween(200.0, 280.0); // seeded: ~4 h (at least 1 h)
    }

    @Test
    void forecastEndpointSpreadsWaitingPassesOverTheNextTwoHours() {
        JsonNode f = h.json("/admin/v1/flow/forecast");
        assertThat(f.get("total")).hasSize(ForecastService.HORIZON_BINS);
        assertThat(f.get("actualBefore")).hasSize(ForecastService.HORIZON_BINS);
        double sum = 0;
        for (JsonNode v : f.get("total")) {
            assertThat(v.asDouble()).isGreaterThanOrEqualTo(0);
            sum += v.asDouble();
        }
        assertThat(f.get("expectedNext2h").asDouble()).isCloseTo(sum, org.assertj.core.data.Offset.offset(2.0));
        // 11:00 local: the 10:00 and 12:00 slots still have many sold passes not entered
        assertThat(sum).isGreaterThan(200);
        double gates = 0;
        for (JsonNode g : f.get("perGate")) {
            for (JsonNode v : g) {
                gates += v.asDouble();
            }
        }
        assertThat(gates).isCloseTo(sum, org.assertj.core.data.Offset.offset(3.0));
        // the park's expected peak: more than now (arrivals ahead), less than now + every arrival (people leave)
        long occ = f.get("occupancyNow").asLong();
        assertThat(f.get("expectedPeakOccupancy").asDouble()).isGreaterThan(occ).isLessThan(occ + sum);
        JsonNode acc = h.json("/admin/v1/flow/forecast/accuracy?trainDays=21&testDays=7");
        assertThat(acc.get("mapePct").asDouble()).isLessThan(25.0);
    }
}
