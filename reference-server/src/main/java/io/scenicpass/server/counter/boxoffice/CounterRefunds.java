package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.counter.CounterChannel;
import io.scenicpass.server.counter.CounterSales;
import io.scenicpass.server.counter.Sale;
import io.scenicpass.server.counter.SaleState;
import io.scenicpass.server.counter.boxoffice.store.RefundStore;
import io.scenicpass.server.counter.boxoffice.store.RefundStore.RefundRow;
import io.scenicpass.server.counter.boxoffice.store.ShiftStore;
import io.scenicpass.server.counter.store.SaleStore;
import io.scenicpass.server.counter.store.SaleStore.SaleRow;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.PassCancellation;
import io.scenicpass.server.sales.PassCancellation.Cancelled;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds at the box office, within the rules: a paid counter sale (of any counter device), only passes never used at
 * a gate, only before the slot ends, and after the slot started only with a SUPERVISOR's PIN. The passes go back
 * through the booking lifecycle ({@link PassCancellation}: places released, passes revoked) in the transaction that
 * records the refund in the device's open shift; cash is paid from that shift's drawer (in its cash-up), an electronic
 * payment is refunded through {@link PaymentService} under the refund's own id (a retry never refunds twice).
 */
public final class CounterRefunds {
    private static final Logger LOG = LoggerFactory.getLogger(CounterRefunds.class);

    /** What the device asks: the shift paying out, why, which passes (null or empty: all still valid). */
    public record Request(
            String shiftId, String reason, List<String> passIds, String supervisorId, String supervisorPin) {}

    private record Made(RefundRow refund, Cancelled done) {}

    /** The refund made (or found again on a retry) and the sale as it is now. */
    public record Refunded(RefundRow refund, Sale sale) {}

    private final Database db;
    private final SaleStore sales;
    private final RefundStore store;
    private final Shifts shifts;
    private final Cashiers cashiers;
    private final PassCancellation passes;
    private final CounterChannel channel;
    private final CounterSales counter;
    private final PaymentService payments;
    private final Ids ids;
    private final Clock clock;

    public CounterRefunds(
            Database db,
            SaleStore sales,
            RefundStore store,
            Shifts shifts,
            Cashiers cashiers,
            PassCancellation passes,
            CounterChannel channel,
            CounterSales counter,
            PaymentService payments,
            Ids ids,
            Clock clock) {
        this.db = db;
        this.sales = sales;
        this.store = store;
        this.shifts = shifts;
        this.cashiers = cashiers;
        this.passes = passes;
        this.channel = channel;
        this.counter = counter;
        this.payments = payments;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Refunds at the box office {@code deviceId}; a retry of a refund already made answers it again (an electronic one
     * not yet paid back, e.g. after a crash before the provider was asked, is asked again under its id).
     */
    public Refunded refund(String deviceId, String saleId, Request req) {
        if (req == null
                || req.reason() == null
                || req.reason().isBlank()
                || req.reason().strip().length() > 80) {
            throw new ServiceException(Problem.BAD_REQUEST, "reason is required, at most 80 characters");
        }
        Set<String> wanted = req.passIds() == null ? Set.of() : new TreeSet<>(req.passIds());
        SaleRow sale = db.read(c -> sales.find(c, saleId == null ? "" : saleId.toLowerCase(java.util.Locale.ROOT)))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such sale", saleId));
        RefundRow again = retried(sale, wanted);
        if (again != null) {
            if (again.paymentRefundState() != null
                    && !again.paymentRefundState().equals("SUCCEEDED")) {
                again = payBack(again, sale.paymentId()); // not paid back yet: asked again under the same id
            }
            return new Refunded(again, counter.view(sale.saleId()));
        }
        if (sale.state() != SaleState.PAID) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY,
                    "the sale is " + sale.state().wire() + ": only a PAID sale is refunded",
                    saleId);
        }
        // the supervisor's PIN is checked before the transaction (a slow hash); whether it is needed, inside
        Cashiers.Cashier supervisor =
                req.supervisorId() == null ? null : cashiers.signIn(req.supervisorId(), req.supervisorPin());
        if (supervisor != null && !supervisor.supervisor()) {
            throw new ServiceException(
                    Problem.FORBIDDEN, req.supervisorId() + " is not a SUPERVISOR", req.supervisorId());
        }
        Instant now = clock.instant();
        String reason = req.reason().strip();
        Made m = db.tx(c -> {
            ShiftStore.ShiftRow shift = shifts.lockOpen(c, deviceId, req.shiftId());
            SaleRow s = sales.find(c, sale.saleId()).orElseThrow();
            if (s.state() != SaleState.PAID) {
                throw new ServiceException(Problem.CONFLICT, "the sale changed meanwhile: retry", saleId);
            }
            Cancelled done = passes.cancel(c, channel.get(), s.bookingId(), wanted, "refund: " + reason, now);
            if (!now.isBefore(done.slot().startAt()) && supervisor == null) {
                throw new ServiceException(
                        Problem.FORBIDDEN,
                        "the slot has started: a refund now needs a supervisor's PIN (supervisorId, supervisorPin)",
                        saleId);
            }
            long fen = Math.min(done.retailFen(), s.amountFen() - refunded(c, s.saleId()));
            String method = s.method() == null ? CashUp.CASH : s.method();
            RefundRow r = new RefundRow(
                    "CR" + ids.sortableId(),
                    s.saleId(),
                    shift.id(),
                    deviceId,
                    shift.cashierId(),
                    supervisor == null ? null : supervisor.id(),
                    method,
                    fen,
                    List.copyOf(new TreeSet<>(done.passIds())),
                    reason,
                    method.equals(CashUp.CASH) || fen == 0 ? null : "REQUESTED",
                    now);
            store.insert(c, r);
            if (done.whole()) {
                sales.transition(c, s.saleId(), List.of(SaleState.PAID), SaleState.REFUNDED, now);
            }
            return new Made(r, done);
        });
        passes.changed(m.done());
        RefundRow r = m.refund();
        if (r.paymentRefundState() != null) {
            r = payBack(r, sale.paymentId());
        }
        LOG.info(
                "counter sale {}: {} passes refunded, {} fen {} (refund {})",
                saleId,
                r.passIds().size(),
                r.amountFen(),
                r.method(),
                r.id());
        return new Refunded(r, counter.view(sale.saleId()));
    }

    /** The electronic refund, after the commit: asked of the provider under the refund's id; its state recorded. */
    private RefundRow payBack(RefundRow r, String paymentId) {
        String state;
        try {
            payments.refund(paymentId, r.id(), r.amountFen(), "counter refund " + r.saleId());
            state = payments.refunds(paymentId).stream()
                    .filter(x -> x.id().equals(r.id()))
                    .map(x -> x.state())
                    .findFirst()
                    .orElse("REQUESTED");
        } catch (ServiceException e) {
            LOG.error("counter refund {}: payment {} not refunded: {}", r.id(), paymentId, e.getMessage());
            state = "FAILED";
        }
        String s = state;
        db.tx(c -> {
            store.setPaymentRefundState(c, r.id(), s);
            return null;
        });
        return r.withPaymentRefundState(s);
    }

    /** A refund of the same passes made already (all of them: any refund of a REFUNDED sale); null if none. */
    private RefundRow retried(SaleRow sale, Set<String> wanted) {
        List<RefundRow> made = db.read(c -> store.ofSale(c, sale.saleId()));
        for (RefundRow r : made) {
            if (!wanted.isEmpty() && new TreeSet<>(r.passIds()).equals(wanted)) {
                return r;
            }
        }
        return wanted.isEmpty() && sale.state() == SaleState.REFUNDED && !made.isEmpty()
                ? made.get(made.size() - 1)
                : null;
    }

    private long refunded(java.sql.Connection c, String saleId) throws java.sql.SQLException {
        return store.ofSale(c, saleId).stream().mapToLong(RefundRow::amountFen).sum();
    }
}
