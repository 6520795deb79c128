package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.CounterChannel;
import io.scenicpass.server.counter.boxoffice.store.RefundStore;
import io.scenicpass.server.counter.boxoffice.store.RefundStore.RefundRow;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore.ShiftRow;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.BookingStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cash refunds an operator made on the console ({@link CounterRefunds#refundByOperator}), DUE until a box office pays
 * one out: found by sale id or by the booking code on the visitor's receipt, paid out once in the device's open shift
 * (the refund is booked into that shift, so its cash-up expects that much less cash in the drawer). A retry from the
 * same shift answers the payout again; any other shift gets 409 ALREADY_PAID_OUT.
 */
public final class CashRefundsDue {
    private static final Logger LOG = LoggerFactory.getLogger(CashRefundsDue.class);
    /** Most refunds due one answer lists. */
    static final int LIMIT = 200;

    /** Cash refunds due now: how many and how much (fen). */
    public record Total(long count, long fen) {}

    private final Database db;
    private final RefundStore store;
    private final SaleStore sales;
    private final BookingStore bookings;
    private final Shifts shifts;
    private final Clock clock;

    CashRefundsDue(Database db, RefundStore store, SaleStore sales, Shifts shifts, Clock clock) {
        this.db = db;
        this.store = store;
        this.sales = sales;
        this.bookings = new BookingStore(db.dialect());
        this.shifts = shifts;
        this.clock = clock;
    }

    /** The cash refunds due, of one sale ({@code saleId}) or one receipt ({@code bookingCode}), or all (both null). */
    public List<RefundRow> due(String saleId, String bookingCode) {
        return db.read(c -> {
            String sale =
                    saleId == null || saleId.isBlank() ? null : saleId.strip().toLowerCase(Locale.ROOT);
            if (sale == null && bookingCode != null && !bookingCode.isBlank()) {
                var found = bookings.list(c, CounterChannel.ID, null, bookingCode.strip(), null, null, 1);
                if (found.isEmpty()) {
                    return List.<RefundRow>of();
                }
                sale = sales.byBooking(c, found.get(0).uuid())
                        .map(SaleStore.SaleRow::saleId)
                        .orElse(null);
                if (sale == null) {
                    return List.<RefundRow>of();
                }
            }
            return store.due(c, sale, LIMIT);
        });
    }

    /** How many cash refunds are due and how much. */
    public Total total() {
        var t = db.read(store::dueTotal);
        return new Total(t.count(), t.amountFen());
    }

    /** Pays refund {@code refundId} out of the drawer of box office {@code deviceId}'s open shift {@code shiftId}. */
    public RefundRow payOut(String deviceId, String refundId, String shiftId) {
        String id = refundId == null ? "" : refundId.strip();
        Instant now = clock.instant();
        return db.tx(c -> {
            ShiftRow shift = shifts.lockOpen(c, deviceId, shiftId); // a close waits for the payout, then counts it
            if (store.payOut(c, id, shift.id(), deviceId, shift.cashierId(), now)) {
                LOG.info("cash refund {} paid out in shift {} at {}", id, shift.id(), deviceId);
                return store.find(c, id).orElseThrow();
            }
            RefundRow r = store.find(c, id)
                    .filter(x -> RefundStore.CASH.equals(x.method()) && x.operator() != null)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no cash refund due " + id, id));
            if (shift.id().equals(r.shiftId())) {
                return r; // this shift paid it out already: the same answer again
            }
            throw new ServiceException(
                    Problem.ALREADY_PAID_OUT,
                    "refund " + id + " was paid out already at " + r.deviceId() + " (shift " + r.shiftId() + ")",
                    id);
        });
    }
}
