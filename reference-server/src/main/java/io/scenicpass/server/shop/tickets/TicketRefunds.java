package io.scenicpass.server.shop.tickets;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.payments.Payment;
import io.scenicpass.server.payments.PaymentService;
import io.scenicpass.server.sales.PassCancellation;
import io.scenicpass.server.sales.PassCancellation.Cancelled;
import io.scenicpass.server.shop.tickets.TicketRefusal.Code;
import io.scenicpass.server.shop.tickets.store.ShopRefundStore;
import io.scenicpass.server.shop.tickets.store.ShopRefundStore.RefundRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The visitor's refunds: the whole order or some passes, confirmed and before the product's cutoff, no pass used. The
 * passes go back through {@link PassCancellation} (places released, passes revoked) in the transaction that records
 * the refund; the money is then paid back through {@link PaymentService} under the refund's own id, so a retry (a
 * double submit, the job after a provider outage) never refunds twice.
 */
public final class TicketRefunds {
    private static final Logger LOG = LoggerFactory.getLogger(TicketRefunds.class);
    /** How long a refund the provider has not settled waits before the job asks again. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private record Made(RefundRow refund, Cancelled done) {}

    private final Database db;
    private final TicketRules rules;
    private final PassCancellation passes;
    private final PaymentService payments;
    private final Function<String, Optional<Payment>> paymentOf;
    private final Supplier<Channel> channel;
    private final ShopRefundStore store = new ShopRefundStore();
    private final Ids ids;
    private final Clock clock;

    /** {@code paymentOf}: the payment that paid a booking (by booking uuid), if any. */
    public TicketRefunds(
            Database db,
            TicketRules rules,
            PassCancellation passes,
            PaymentService payments,
            Function<String, Optional<Payment>> paymentOf,
            Supplier<Channel> channel,
            Ids ids,
            Clock clock) {
        this.db = db;
        this.rules = rules;
        this.passes = passes;
        this.payments = payments;
        this.paymentOf = paymentOf;
        this.channel = channel;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Refunds the passes {@code passIds} (empty: all valid ones) of the shop booking {@code uuid}; a refund of the same
     * passes made already is answered again (its money asked again when not paid back yet).
     */
    public RefundRow refund(String uuid, Collection<String> passIds) {
        return refund(uuid, passIds, null);
    }

    /**
     * An operator's refund (console, admin API): as the visitor's, also after the product's cutoff while the slot is
     * not over, the operator's {@code reason} (1-500 characters) on the booking. The same passes asked again (a double
     * click) answer the first refund; the money is paid back once.
     */
    public RefundRow refundByOperator(String uuid, Collection<String> passIds, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new ServiceException(Problem.BAD_REQUEST, "give the reason (1-500 characters)");
        }
        return refund(uuid, passIds, reason.strip());
    }

    /** {@code operatorReason} null: the visitor's own refund, within the cutoff. */
    private RefundRow refund(String uuid, Collection<String> passIds, String operatorReason) {
        boolean operator = operatorReason != null;
        Set<String> wanted = new TreeSet<>(passIds == null ? Set.of() : passIds);
        TicketRules.Order o = rules.order(uuid);
        RefundRow again = retried(uuid, wanted, o);
        if (again != null) {
            return settled(again) ? again : payBack(again);
        }
        Instant now = clock.instant();
        rules.requireChangeable(o, wanted, now, operator);
        if (!o.passIds().containsAll(wanted)) {
            throw new TicketRefusal(Code.BAD_SELECTION, "a pass chosen is not of order " + uuid);
        }
        Optional<Payment> paid = paymentOf.apply(uuid);
        Channel ch = channel.get();
        Made m;
        try {
            m = db.tx(c -> {
                Cancelled done = passes.cancel(c, ch, uuid, wanted, operator ? operatorReason : "shop refund", now);
                long left = paid.map(p -> p.amount().fen() - p.refundedFen()).orElse(0L);
                long fen = Math.max(0, Math.min(done.retailFen(), left));
                RefundRow r = new RefundRow(
                        "SR" + ids.sortableId(),
                        uuid,
                        paid.map(Payment::id).orElse(null),
                        fen,
                        List.copyOf(new TreeSet<>(done.passIds())),
                        fen == 0 ? "NONE" : "REQUESTED",
                        now,
                        now);
                store.insert(c, r);
                return new Made(r, done);
            });
        } catch (ServiceException e) {
            if (e.problem() != Problem.UNPROCESSABLE_ENTITY) {
                throw e;
            }
            RefundRow raced = retried(uuid, wanted, rules.order(uuid)); // the same form posted twice at once
            if (raced != null) {
                return settled(raced) ? raced : payBack(raced);
            }
            throw rules.classify(uuid, wanted, e, now, operator);
        }
        passes.changed(m.done());
        RefundRow r = m.refund();
        LOG.info(
                "shop order {}: {} passes refunded, {} fen (refund {})",
                uuid,
                r.passIds().size(),
                r.amountFen(),
                r.id());
        return settled(r) ? r : payBack(r);
    }

    /** The payment that paid shop booking {@code uuid}, if any. */
    public Optional<Payment> payment(String uuid) {
        return paymentOf.apply(uuid);
    }

    /** The booking's refunds, oldest first. */
    public List<RefundRow> of(String uuid) {
        return db.read(c -> store.ofBooking(c, uuid));
    }

    /** The job: asks the provider again about refunds not settled (after an outage or a crash). */
    public int retryUnsettled() {
        List<RefundRow> due = db.read(c -> store.unsettled(c, clock.instant().minus(RETRY_AFTER), 50));
        due.forEach(this::payBack);
        return due.size();
    }

    /** The money, after the commit: asked of the provider under the refund's id; its state recorded. */
    private RefundRow payBack(RefundRow r) {
        String state;
        try {
            payments.refund(r.paymentId(), r.id(), r.amountFen(), "shop refund " + r.bookingUuid());
            state = payments.refunds(r.paymentId()).stream()
                    .filter(x -> x.id().equals(r.id()))
                    .map(x -> x.state())
                    .findFirst()
                    .orElse("REQUESTED");
        } catch (ServiceException e) {
            LOG.error("shop refund {}: payment {} not refunded: {}", r.id(), r.paymentId(), e.getMessage());
            state = "FAILED";
        }
        String s = state;
        Instant now = clock.instant();
        db.tx(c -> {
            store.setState(c, r.id(), s, now);
            return null;
        });
        return new RefundRow(r.id(), r.bookingUuid(), r.paymentId(), r.amountFen(), r.passIds(), s, r.createdAt(), now);
    }

    /** A refund of the same passes made already (all of them: the last refund of a cancelled order); null if none. */
    private RefundRow retried(String uuid, Set<String> wanted, TicketRules.Order o) {
        List<RefundRow> made = of(uuid);
        for (RefundRow r : made) {
            if (!wanted.isEmpty() && new TreeSet<>(r.passIds()).equals(wanted)) {
                return r;
            }
        }
        return wanted.isEmpty() && !o.booking().status().isSold() && !made.isEmpty() ? made.get(made.size() - 1) : null;
    }

    private static boolean settled(RefundRow r) {
        return r.state().equals("NONE") || r.state().equals("SUCCEEDED");
    }
}
