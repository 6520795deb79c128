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
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.terminal.store.PassUseStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refunds of counter sales. At the box office, within the rules: a paid counter sale (of any counter device), only passes never used at
 * a gate, only before the slot ends, and after the slot started only with a SUPERVISOR's PIN. The passes go back
 * through the booking lifecycle ({@link PassCancellation}: places released, passes revoked) in the transaction that
 * records the refund in the device's open shift; cash is paid from that shift's drawer (in its cash-up), an electronic
 * payment is refunded through {@link PaymentService} under the refund's own id (a retry never refunds twice). By an
 * operator on the console ({@link #refundByOperator}): the same recording and checks, without the counter's slot rule.
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
    private final PassStore passStore;
    private final PassUseStore passUse;
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
        this.passStore = new PassStore(db.dialect());
        this.passUse = new PassUseStore(db.dialect());
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Refunds at the box office {@code deviceId}; a retry of a refund already made answers it again (an electronic one
     * not yet paid back, e.g. after a crash before the provider was asked, is asked again under its id).
     */
    public Refunded refund(String deviceId, String saleId, Request req) {
        if (req == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "reason is required, at most 80 characters");
        }
        String reason = reason(req.reason(), 80);
        Set<String> wanted = wanted(req.passIds());
        SaleRow sale = sale(saleId);
        Refunded again = again(sale, wanted);
        if (again != null) {
            return again;
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
        return make(sale, wanted, reason, false, c -> {
            ShiftStore.ShiftRow shift = shifts.lockOpen(c, deviceId, req.shiftId());
            return new Payer(
                    shift.id(), deviceId, shift.cashierId(), supervisor == null ? null : supervisor.id(), null);
        });
    }

    /**
     * An operator's refund on the console (finance, administrator), also after the cutoff and after the slot started,
     * with a reason: electronic money goes back through the payment at once; cash, with no drawer at hand, is recorded
     * DUE and paid out once at a box office ({@link CashRefundsDue}). The passes are revoked at once either way (the
     * visitor gave them up). Typed refusals: SALE_NOT_PAID, ALREADY_REFUNDED, PASS_USED; a retry answers the first.
     */
    public Refunded refundByOperator(String saleId, List<String> passIds, String reason, String operator) {
        String why = reason(reason, 80);
        Set<String> wanted = wanted(passIds);
        SaleRow sale = sale(saleId);
        Refunded again = again(sale, wanted);
        if (again != null) {
            return again;
        }
        if (sale.state() == SaleState.REFUNDED) {
            throw new ServiceException(Problem.ALREADY_REFUNDED, "sale " + saleId + " was refunded already", saleId);
        }
        if (sale.state() != SaleState.PAID) {
            throw new ServiceException(
                    Problem.SALE_NOT_PAID,
                    "the sale is " + sale.state().wire() + ": only a PAID sale is refunded",
                    saleId);
        }
        try {
            return make(sale, wanted, why, true, c -> new Payer(null, null, null, null, operator));
        } catch (ServiceException e) {
            throw e.problem() == Problem.UNPROCESSABLE_ENTITY ? classified(sale, e) : e;
        }
    }

    /** Who pays the money back: a box office's shift (its device and cashier, a supervisor) or a console operator. */
    private record Payer(String shiftId, String deviceId, String cashierId, String supervisorId, String operator) {}

    /** Decides the payer first inside the refund's transaction (a shift is locked before the booking), or refuses. */
    @FunctionalInterface
    private interface PayerOf {
        Payer of(java.sql.Connection c) throws java.sql.SQLException;
    }

    /**
     * The refund itself, the same for the counter and the console: the passes given back through the booking lifecycle,
     * the refund recorded (of at most what is left of the sale), the sale REFUNDED when nothing is left; then an
     * electronic refund is asked of the provider under the refund's id. Unless {@code anytime} (the operator's), a
     * refund after the slot started needs a supervisor.
     */
    private Refunded make(SaleRow sale, Set<String> wanted, String reason, boolean anytime, PayerOf payer) {
        Instant now = clock.instant();
        Made m = db.tx(c -> {
            Payer by = payer.of(c);
            SaleRow s = sales.find(c, sale.saleId()).orElseThrow();
            if (s.state() != SaleState.PAID) {
                throw new ServiceException(Problem.CONFLICT, "the sale changed meanwhile: retry", sale.saleId());
            }
            Cancelled done = passes.cancel(c, channel.get(), s.bookingId(), wanted, "refund: " + reason, now);
            if (!anytime && !now.isBefore(done.slot().startAt()) && by.supervisorId() == null) {
                throw new ServiceException(
                        Problem.FORBIDDEN,
                        "the slot has started: a refund now needs a supervisor's PIN (supervisorId, supervisorPin)",
                        sale.saleId());
            }
            long fen = Math.min(done.retailFen(), s.amountFen() - refunded(c, s.saleId()));
            String method = s.method() == null ? CashUp.CASH : s.method();
            RefundRow r = new RefundRow(
                    "CR" + ids.sortableId(),
                    s.saleId(),
                    by.shiftId(),
                    by.deviceId(),
                    by.cashierId(),
                    by.supervisorId(),
                    method,
                    fen,
                    List.copyOf(new TreeSet<>(done.passIds())),
                    reason,
                    method.equals(CashUp.CASH) || fen == 0 ? null : "REQUESTED",
                    now,
                    by.operator(),
                    null);
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
                "counter sale {}: {} passes refunded, {} fen {} (refund {}{})",
                sale.saleId(),
                r.passIds().size(),
                r.amountFen(),
                r.method(),
                r.id(),
                r.due() ? ", cash due at a box office" : "");
        return new Refunded(r, counter.view(sale.saleId()));
    }

    /** A retry's answer (an electronic refund not paid back yet is asked again under its id), or null. */
    private Refunded again(SaleRow sale, Set<String> wanted) {
        RefundRow again = retried(sale, wanted);
        if (again == null) {
            return null;
        }
        if (again.paymentRefundState() != null && !again.paymentRefundState().equals("SUCCEEDED")) {
            again = payBack(again, sale.paymentId()); // not paid back yet: asked again under the same id
        }
        return new Refunded(again, counter.view(sale.saleId()));
    }

    /** The booking lifecycle's refusal of a pass, typed for the operator: refunded already, or used at a gate. */
    private ServiceException classified(SaleRow sale, ServiceException e) {
        String id = e.offendingId();
        if (id == null || id.equals(sale.bookingId())) {
            return e; // the slot is over, or a package given back in part
        }
        boolean revoked = db.read(c -> passStore.byBooking(c, sale.bookingId()).stream()
                .anyMatch(p -> p.passId().equals(id) && p.revoked()));
        if (revoked) {
            return new ServiceException(Problem.ALREADY_REFUNDED, e.getMessage(), id);
        }
        boolean used = db.read(c -> !passUse.firstEntries(c, Set.of(id)).isEmpty());
        return used ? new ServiceException(Problem.PASS_USED, e.getMessage(), id) : e;
    }

    private SaleRow sale(String saleId) {
        return db.read(c -> sales.find(c, saleId == null ? "" : saleId.toLowerCase(java.util.Locale.ROOT)))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such sale", saleId));
    }

    /** The passes chosen (none: all still valid); a missing or overlong id is a bad request. */
    private static Set<String> wanted(List<String> passIds) {
        if (passIds == null) {
            return Set.of();
        }
        if (passIds.size() > 1000 || passIds.stream().anyMatch(x -> x == null || x.isBlank() || x.length() > 64)) {
            throw new ServiceException(Problem.BAD_REQUEST, "passIds: at most 1000 pass ids of 1..64 characters");
        }
        return new TreeSet<>(passIds);
    }

    private static String reason(String reason, int max) {
        if (reason == null || reason.isBlank() || reason.strip().length() > max) {
            throw new ServiceException(Problem.BAD_REQUEST, "reason is required, at most " + max + " characters");
        }
        return reason.strip();
    }

    /** The refunds of sale {@code saleId}, oldest first (at the counter and on the console). */
    public List<RefundRow> of(String saleId) {
        return db.read(c -> store.ofSale(c, saleId == null ? "" : saleId.toLowerCase(java.util.Locale.ROOT)));
    }

    /** The sale id of counter booking {@code bookingUuid}, if it has one. */
    public java.util.Optional<String> saleOf(String bookingUuid) {
        return db.read(c -> sales.byBooking(c, bookingUuid == null ? "" : bookingUuid))
                .map(SaleRow::saleId);
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
