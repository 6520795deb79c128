package io.scenicpass.server.counter.boxoffice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.boxoffice.CashUp.DeviceTally;
import io.scenicpass.server.counter.boxoffice.CashUp.Report;
import io.scenicpass.server.counter.boxoffice.store.RefundStore;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore.Money;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore.ShiftRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Shifts: a cashier signs in at a BOX_OFFICE device and opens its one shift with an opening float; cash sales and
 * refunds go into the shift's drawer; the close counts the cash and freezes the {@link CashUp} report.
 */
public final class Shifts {
    /** Largest opening float or counted cash (10 million yuan). */
    static final long MAX_CASH_FEN = 1_000_000_000L;

    private final Database db;
    private final ShiftStore store;
    private final RefundStore refunds;
    private final Cashiers cashiers;
    private final Clock clock;
    private final Ids ids;
    private final ObjectMapper json;

    public Shifts(
            Database db,
            ShiftStore store,
            RefundStore refunds,
            Cashiers cashiers,
            Clock clock,
            Ids ids,
            ObjectMapper json) {
        this.db = db;
        this.store = store;
        this.refunds = refunds;
        this.cashiers = cashiers;
        this.clock = clock;
        this.ids = ids;
        this.json = json;
    }

    /** Opens the device's shift for the signed-in cashier; 409 SHIFT_ALREADY_OPEN while another is open. */
    public Report open(String deviceId, String cashierId, String pin, Long openingFloatFen) {
        long floatFen = cash("openingFloatFen", openingFloatFen);
        Cashiers.Cashier who = cashiers.signIn(cashierId, pin);
        ShiftRow row = new ShiftRow(
                "S" + ids.sortableId(),
                deviceId,
                who.id(),
                ShiftStore.OPEN,
                floatFen,
                null,
                clock.instant(),
                null,
                null);
        try {
            db.tx(c -> {
                store.insert(c, row);
                return null;
            });
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            String open =
                    db.read(c -> store.open(c, deviceId)).map(ShiftRow::id).orElse(null);
            throw new ServiceException(
                    Problem.SHIFT_ALREADY_OPEN, "this device has an open shift " + open + ": close it first", open);
        }
        return report(row.id());
    }

    /** The device's open shift with its report so far; 404 when none is open. */
    public Report current(String deviceId) {
        ShiftRow s = db.read(c -> store.open(c, deviceId))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no open shift on this device"));
        return report(s.id());
    }

    /**
     * Closes the device's shift {@code shiftId} with the counted cash and the device's tally, and returns the frozen
     * report; closing a closed shift again returns its report as it was (a retried close changes nothing).
     */
    public Report close(String deviceId, String shiftId, Long countedCashFen, DeviceTally tally) {
        long counted = cash("countedCashFen", countedCashFen);
        ShiftRow seen = own(deviceId, shiftId);
        if (seen.state().equals(ShiftStore.CLOSED)) {
            return read(seen.reportJson());
        }
        return db.tx(c -> {
            ShiftRow s = store.lock(c, shiftId).orElseThrow();
            if (s.state().equals(ShiftStore.CLOSED)) {
                return read(s.reportJson());
            }
            Instant now = clock.instant();
            Report r = compute(c, s, now, counted, tally);
            store.close(c, shiftId, counted, write(r), now);
            return r;
        });
    }

    /** The shift's report: frozen once closed, computed from the records so far while open. */
    public Report report(String shiftId) {
        ShiftRow s = db.read(c -> store.find(c, shiftId))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no shift " + shiftId, shiftId));
        return s.reportJson() != null ? read(s.reportJson()) : db.read(c -> compute(c, s, null, null, null));
    }

    /** Shifts opened in [from, to) with their reports, of one device or all. */
    public List<Report> list(Instant from, Instant to, String deviceId, int limit) {
        return db.read(c -> {
            List<Report> out = new java.util.ArrayList<>();
            for (ShiftRow s : store.list(c, from, to, deviceId, limit)) {
                out.add(s.reportJson() != null ? read(s.reportJson()) : compute(c, s, null, null, null));
            }
            return out;
        });
    }

    /**
     * In the caller's transaction: the device's open shift {@code shiftId}, locked until the transaction ends (a close
     * waits for a cash sale or refund booked into it, and then counts it); 404 for another device's shift, 409
     * CONFLICT when it is closed.
     */
    public ShiftRow lockOpen(Connection c, String deviceId, String shiftId) throws SQLException {
        ShiftRow s = store.lock(c, shiftId == null ? "" : shiftId)
                .filter(r -> r.deviceId().equals(deviceId))
                .orElseThrow(() ->
                        new ServiceException(Problem.NOT_FOUND, "no shift " + shiftId + " on this device", shiftId));
        if (!s.state().equals(ShiftStore.OPEN)) {
            throw new ServiceException(Problem.CONFLICT, "shift " + shiftId + " is closed", shiftId);
        }
        return s;
    }

    /** The device's own shift (others' look unknown). */
    ShiftRow own(String deviceId, String shiftId) {
        return db.read(c -> store.find(c, shiftId == null ? "" : shiftId))
                .filter(r -> r.deviceId().equals(deviceId))
                .orElseThrow(() ->
                        new ServiceException(Problem.NOT_FOUND, "no shift " + shiftId + " on this device", shiftId));
    }

    private Report compute(Connection c, ShiftRow s, Instant closedAt, Long counted, DeviceTally tally)
            throws SQLException {
        List<Money> sales = store.sales(c, s.id());
        List<Money> refunds = store.refunds(c, s.id());
        CashUp.Totals sold = CashUp.totals(sales);
        CashUp.Totals back = CashUp.totals(refunds);
        long expected = CashUp.expectedCash(s.openingFloatFen(), sold, back);
        CashUp.Reconciliation rec = closedAt == null ? null : CashUp.reconcile(tally, sales, refunds);
        Long difference = counted == null ? null : counted - expected;
        return new Report(
                s.id(),
                s.deviceId(),
                s.cashierId(),
                closedAt == null ? s.state() : ShiftStore.CLOSED,
                s.openedAt(),
                closedAt,
                s.openingFloatFen(),
                sold,
                back,
                expected,
                counted,
                difference,
                rec,
                closedAt == null ? null : difference == 0 && rec.mismatches().isEmpty(),
                due(c));
    }

    private CashUp.Total due(Connection c) throws SQLException {
        var t = refunds.dueTotal(c);
        return new CashUp.Total(t.count(), t.amountFen());
    }

    private static long cash(String field, Long fen) {
        if (fen == null || fen < 0 || fen > MAX_CASH_FEN) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required: 0.." + MAX_CASH_FEN + " fen");
        }
        return fen;
    }

    private String write(Report r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Report read(String s) {
        try {
            return json.readValue(s, Report.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable shift report", e);
        }
    }
}
