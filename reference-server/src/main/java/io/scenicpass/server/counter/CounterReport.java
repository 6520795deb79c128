package io.scenicpass.server.counter;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.counter.store.SaleStore.SaleRow;
import io.scenicpass.server.counter.store.SaleStore.Total;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.reports.Period;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The operators' view of counter sales: the list, and the report of a period (sales by device and by payment method,
 * refunds) that the admin API and the dashboard show. A sale counts when it was paid (PAID, or REFUNDED later);
 * refunds are the money given back in the period, whole or partial (the box office's refunds, when it is built), else
 * the REFUNDED sales; {@code cashRefundsDue}: the console's cash refunds not paid out at a box office yet (now).
 */
public final class CounterReport {
    private static final List<SaleState> SOLD = List.of(SaleState.PAID, SaleState.REFUNDED);

    /** A period's numbers; amounts in fen, {@code byDevice} / {@code byMethod} keyed by device id / method. */
    public record Report(
            Instant from,
            Instant to,
            Total sales,
            Total refunds,
            List<Total> byDevice,
            List<Total> byMethod,
            Total cashRefundsDue) {}

    private final Database db;
    private final SaleStore store;
    private final Supplier<ZoneId> zone;
    private final Clock clock;
    /** The refunds of a period, from the box office's records (set by it); null: count the REFUNDED sales. */
    private volatile RefundTotals refunds;
    /** The cash refunds made on the console and not paid out at a box office yet, now (set by the box office). */
    private volatile DueTotal due;

    /** Where the cash refunds due come from. */
    @FunctionalInterface
    public interface DueTotal {
        Total now(java.sql.Connection c) throws java.sql.SQLException;
    }

    /** Where the refunds of a period come from. */
    @FunctionalInterface
    public interface RefundTotals {
        Total of(java.sql.Connection c, Instant from, Instant to) throws java.sql.SQLException;
    }

    CounterReport(Database db, SaleStore store, Supplier<ZoneId> zone, Clock clock) {
        this.db = db;
        this.store = store;
        this.zone = zone;
        this.clock = clock;
    }

    /** Sales created in the period, newest first, optionally of one device and in one state. */
    public List<SaleRow> sales(String from, String to, String deviceId, String state, int limit) {
        Instant[] p = period(from, to);
        SaleState s = null;
        if (state != null) {
            try {
                s = SaleState.valueOf(state.trim());
            } catch (IllegalArgumentException e) {
                throw new ServiceException(
                        Problem.BAD_REQUEST, "state must be one of " + java.util.Arrays.toString(SaleState.values()));
            }
        }
        SaleState st = s;
        return db.read(c -> store.list(c, p[0], p[1], deviceId, st, limit));
    }

    /** The report of a period (from/to: YYYY-MM-DD in the park's zone, both days included, or ISO instants). */
    public Report report(String from, String to) {
        Instant[] p = period(from, to);
        return db.read(c -> new Report(
                p[0],
                p[1],
                store.totals(c, null, p[0], p[1], SOLD).get(0),
                refunds != null
                        ? refunds.of(c, p[0], p[1])
                        : store.totals(c, null, p[0], p[1], List.of(SaleState.REFUNDED))
                                .get(0),
                store.totals(c, "device_id", p[0], p[1], SOLD),
                store.totals(c, "method", p[0], p[1], SOLD),
                due == null ? new Total(null, 0, 0) : due.now(c)));
    }

    /** Counts refunds through {@code totals} (the box office's, so partial refunds count too). */
    public void refundsFrom(RefundTotals totals) {
        this.refunds = totals;
    }

    /** Reports the cash refunds due through {@code total} (the box office's). */
    public void dueFrom(DueTotal total) {
        this.due = total;
    }

    /** Today's report (the dashboard's counter card). */
    public Report today() {
        return report(null, null);
    }

    /** [from, to) of the query: dates in the park's zone (to inclusive) or instants; default today. */
    private Instant[] period(String from, String to) {
        Period p = Period.parse(from, to, zone.get(), clock);
        return new Instant[] {p.from(), p.to()};
    }
}
