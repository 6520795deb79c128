package io.scenicpass.server.measures;

import io.scenicpass.server.flow.store.FlowStore;
import io.scenicpass.server.flow.store.FlowStore.HistoryBooking;
import io.scenicpass.server.flow.store.FlowStore.HistoryEvent;
import io.scenicpass.server.testing.TestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The small hand-checked data set of the measures' tests, written through the stores into the real server's
 * database (park zone Asia/Shanghai, days 2026-06-01 and 2026-06-02, channels ctrip and shop):
 *
 * <pre>
 * booking channel day   places retail  entry (local)    exit
 * b1      ctrip   06-01 2      200.00  09:00            12:30
 * b2      ctrip   06-01 1      100.00  — (no-show)
 * b3      shop    06-01 3      250.00  10:00            —
 * b4      shop    06-02 1       80.00  06-02 10:00      06-02 11:00
 * </pre>
 */
final class MeasureFacts {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY1 = LocalDate.parse("2026-06-01");
    static final LocalDate DAY2 = LocalDate.parse("2026-06-02");

    private MeasureFacts() {}

    static Instant local(LocalDate day, String time) {
        return LocalDateTime.of(day, java.time.LocalTime.parse(time))
                .atZone(ZONE)
                .toInstant();
    }

    /** Creates the channels and writes the bookings, passes and gate events above. */
    static void write(TestServer ts) {
        ts.channel("ctrip", 1000, 1000, null);
        ts.channel("shop-test", 1000, 1000, null);
        List<HistoryBooking> rows = new ArrayList<>();
        rows.add(booking("b1", "ctrip", DAY1, 2, 20000, "09:00", "12:30"));
        rows.add(booking("b2", "ctrip", DAY1, 1, 10000, null, null));
        rows.add(booking("b3", "shop-test", DAY1, 3, 25000, "10:00", null));
        rows.add(booking("b4", "shop-test", DAY2, 1, 8000, "10:00", "11:00"));
        ts.server.database().tx(c -> {
            new FlowStore().insertHistory(c, rows);
            return null;
        });
    }

    static HistoryBooking booking(
            String id, String channel, LocalDate day, int places, long retail, String in, String out) {
        List<HistoryEvent> events = new ArrayList<>();
        if (in != null) {
            events.add(new HistoryEvent(id + "-in", "gate-north", "park", "IN", local(day, in)));
        }
        if (out != null) {
            events.add(new HistoryEvent(id + "-out", "gate-north", "park", "OUT", local(day, out)));
        }
        return new HistoryBooking(
                id,
                channel,
                "park-entry",
                "park-entry-std",
                "slot-" + id,
                null,
                day,
                places,
                retail,
                local(day, "00:00").minusSeconds(86_400),
                "P-" + id,
                local(day, "00:00"),
                local(day, "23:59"),
                false,
                events);
    }
}
