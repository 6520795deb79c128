package io.scenicpass.server.payments;

import io.scenicpass.core.Ids;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.payments.Payment.State;
import io.scenicpass.server.payments.PaymentProvider.Charge;
import io.scenicpass.server.payments.PaymentProvider.Method;
import io.scenicpass.server.payments.PaymentProvider.Outcome;
import io.scenicpass.server.payments.store.PaymentStore;
import io.scenicpass.server.payments.store.PaymentStore.CallRow;
import io.scenicpass.server.payments.store.PaymentStore.RefundRow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes payments for order references: at most one live payment per order (a retry of start or code pay returns it),
 * completed at most once (a conditional update decides which of a notification, a query or a reply completes it),
 * refunds within the amount paid. Provider calls run outside transactions and are audited in {@code payment_call}.
 */
public final class PaymentService {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentService.class);

    private final Database db;
    private final PaymentStore store;
    private final PaymentProviders providers;
    private final Clock clock;
    private final Ids ids;
    private final Duration expiry;
    private final PaymentRefunds refunds;
    private final List<Consumer<Payment>> paidListeners = new CopyOnWriteArrayList<>();

    public PaymentService(
            Database db, PaymentStore store, PaymentProviders providers, Clock clock, Ids ids, Duration expiry) {
        this.db = db;
        this.store = store;
        this.providers = providers;
        this.clock = clock;
        this.ids = ids;
        this.expiry = expiry;
        this.refunds = new PaymentRefunds(db, store, providers, clock, this);
    }

    /** Called once per payment, after the transaction that completed it (the order layer issues the order here). */
    public void onPaid(Consumer<Payment> listener) {
        paidListeners.add(listener);
    }

    /** Starts (or returns the order's existing) native payment: its {@link Payment#codeUrl()} is the QR to show. */
    public Payment startNative(String orderRef, Money amount, String description) {
        return startShown(
                orderRef, amount, description, Method.NATIVE, (provider, p) -> provider.startNative(charge(p)));
    }

    /**
     * Starts (or returns the order's existing) web payment, {@link Method#H5} or {@link Method#JSAPI}: its {@link
     * Payment#codeUrl()} is the cashier URL to send the phone to (H5) or the prepay id (JSAPI, see {@link
     * #jsapiParameters}).
     */
    public Payment startWeb(
            String orderRef, Money amount, String description, Method method, PaymentProvider.Payer payer) {
        if (method != Method.H5 && method != Method.JSAPI) {
            throw new ServiceException(Problem.BAD_REQUEST, "a web payment is H5 or JSAPI");
        }
        return startShown(
                orderRef, amount, description, method, (provider, p) -> provider.startWeb(charge(p), method, payer));
    }

    /** The signed WeixinJSBridge parameters of an open JSAPI payment (fresh timestamp and nonce on every call). */
    public Map<String, String> jsapiParameters(String id) {
        Payment p = get(id);
        if (p.method() != Method.JSAPI || p.codeUrl() == null) {
            throw new ServiceException(
                    Problem.UNPROCESSABLE_ENTITY, "payment " + id + " is not a started JSAPI payment");
        }
        return providers.of(p.provider()).jsapiParameters(p.codeUrl());
    }

    /** A payment the payer opens (QR, cashier URL, prepay id): created once, started at the provider once. */
    private Payment startShown(
            String orderRef,
            Money amount,
            String description,
            Method method,
            java.util.function.BiFunction<PaymentProvider, Payment, Outcome> start) {
        Payment p = open(orderRef, amount, description, method).payment();
        if (p.state() != State.PENDING || p.codeUrl() != null) {
            return p;
        }
        PaymentProvider provider = providers.of(p.provider());
        Outcome out;
        try {
            out = audited(p, "START_" + method.name(), () -> start.apply(provider, p));
        } catch (PaymentException e) {
            return afterError(p, e);
        }
        if (out.codeUrl() != null) {
            db.tx(c -> {
                store.setCodeUrl(c, p.id(), out.codeUrl(), clock.instant());
                return null;
            });
        }
        return settle(p, out);
    }

    /**
     * Charges the visitor's payment code for the order. A retry for the same order never sends a code again: it
     * asks the provider about the payment already made.
     */
    public Payment payByCode(String orderRef, Money amount, String description, String paymentCode) {
        if (paymentCode == null || !paymentCode.matches("[0-9]{10,32}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "paymentCode must be the 10-32 digits the scanner read");
        }
        Opened o = open(orderRef, amount, description, Method.CODE);
        Payment p = o.payment();
        if (!o.created()) {
            return p.state() == State.PENDING ? refresh(p.id()) : p;
        }
        PaymentProvider provider = providers.of(p.provider());
        try {
            return settle(p, audited(p, "CODE_PAY", () -> provider.payByCode(charge(p), paymentCode)));
        } catch (PaymentException e) {
            return afterError(p, e);
        }
    }

    /** Asks the provider about an open payment and settles it; a settled one is returned as it is. */
    public Payment refresh(String id) {
        Payment p = get(id);
        if (p.state() != State.PENDING && p.state() != State.ABANDONED) {
            return p;
        }
        try {
            return settle(
                    p, audited(p, "QUERY", () -> providers.of(p.provider()).query(p.id())));
        } catch (PaymentException e) {
            return get(id);
        }
    }

    /**
     * The caller gives up waiting (the kiosk's timeout): the payment is closed at the provider if it can be; if it is
     * paid anyway, later, the reconciler refunds it.
     */
    public Payment abandon(String id) {
        Payment p = get(id);
        boolean moved =
                db.tx(c -> store.transition(c, id, State.PENDING, State.ABANDONED, null, null, clock.instant()));
        if (!moved) {
            return get(id);
        }
        cancel(get(id), "CANCELLED");
        return get(id);
    }

    /** Refunds {@code fen} of a paid payment (full or partial, never beyond what was paid). */
    public Payment refund(String id, long fen, String reason) {
        if (fen <= 0) {
            throw new ServiceException(Problem.BAD_REQUEST, "refund amount must be positive");
        }
        return refunds.refund(get(id), "R" + ids.sortableId(), fen, reason);
    }

    /**
     * Refunds {@code fen} under the caller's own {@code refundId} (1-32 of [A-Za-z0-9_-]): asking again under the same
     * id never refunds twice (the counter's refund retried after a crash).
     */
    public Payment refund(String id, String refundId, long fen, String reason) {
        if (fen <= 0) {
            throw new ServiceException(Problem.BAD_REQUEST, "refund amount must be positive");
        }
        if (refundId == null || !refundId.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "refundId must be 1-32 of [A-Za-z0-9_-]");
        }
        return refunds.refund(get(id), refundId, fen, reason);
    }

    /**
     * A notification the provider posted: verified and decrypted by the provider, then settles the payment (a
     * duplicate changes nothing). Returns the payment, or null if it is none of ours.
     */
    public Payment notification(String providerName, Map<String, String> headers, String body) {
        PaymentProvider provider = providers.of(providerName);
        PaymentProvider.Notice n;
        try {
            n = provider.notification(headers, body);
        } catch (PaymentException e) {
            LOG.warn("payment notification from {} refused: {} {}", providerName, e.kind(), e.code());
            throw new ServiceException(
                    e.kind() == PaymentException.Kind.SIGNATURE ? Problem.UNAUTHORIZED : Problem.BAD_REQUEST,
                    "notification refused: " + e.getMessage());
        }
        Payment p = n.paymentId() == null
                ? null
                : db.read(c -> store.get(c, n.paymentId())).orElse(null);
        if (p == null) {
            LOG.warn("payment notification from {} about an unknown payment ignored", providerName);
            return null;
        }
        record(p, "NOTIFY", n.outcome().status().name(), n.outcome().code(), 0);
        return settle(p, n.outcome());
    }

    public Payment get(String id) {
        return db.read(c -> store.get(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no payment " + id, id));
    }

    /** Payments by order reference and/or state, newest first. */
    public List<Payment> list(String orderRef, State state, int limit) {
        return db.read(c -> store.list(c, orderRef, state, Math.max(1, Math.min(limit, 500))));
    }

    public List<RefundRow> refunds(String id) {
        return db.read(c -> store.refunds(c, id));
    }

    /** The audit trail of the payment's provider calls. */
    public List<CallRow> calls(String id) {
        return db.read(c -> store.calls(c, id));
    }

    /** Applies what the provider said: completes (once), fails, or leaves the payment pending. */
    Payment settle(Payment p, Outcome out) {
        switch (out.status()) {
            case SUCCEEDED -> complete(p, out);
            case FAILED -> fail(p.id(), out.code() == null ? "FAILED" : out.code());
            case PENDING -> {}
        }
        return get(p.id());
    }

    /** Closes the payment at the provider; if that worked, it can no longer be paid and fails with {@code code}. */
    void cancel(Payment p, String code) {
        try {
            audited(p, "CANCEL", () -> {
                providers.of(p.provider()).cancel(p.id(), p.method());
                return null;
            });
            fail(p.id(), code);
        } catch (PaymentException e) {
            LOG.info("payment {} not cancelled ({} {}): the reconciler asks again", p.id(), e.kind(), e.code());
        }
    }

    /** PENDING or ABANDONED → FAILED; the order's reference is free again. */
    void fail(String id, String code) {
        db.tx(c -> store.transition(c, id, State.PENDING, State.FAILED, null, code, clock.instant())
                || store.transition(c, id, State.ABANDONED, State.FAILED, null, code, clock.instant()));
    }

    void touch(String id) {
        db.tx(c -> {
            store.touch(c, id, clock.instant());
            return null;
        });
    }

    /** Refunds a payment that succeeded after it was abandoned (same refund id on every try). */
    void refundLate(Payment p) {
        refunds.refund(p, "L" + p.id().substring(1), p.amount().fen(), "paid after the payment was abandoned");
    }

    private void complete(Payment p, Outcome out) {
        if (out.paidFen() != null && out.paidFen() != p.amount().fen()) {
            // never complete on a different amount: left open for the operator, said loudly
            LOG.error(
                    "payment {}: the provider reports {} fen paid, {} expected; not completed",
                    p.id(),
                    out.paidFen(),
                    p.amount().fen());
            return;
        }
        Instant now = clock.instant();
        State won = db.tx(c -> {
            if (store.transition(c, p.id(), State.PENDING, State.SUCCEEDED, out.providerTx(), null, now)) {
                return State.SUCCEEDED;
            }
            return store.transition(c, p.id(), State.ABANDONED, State.LATE, out.providerTx(), null, now)
                    ? State.LATE
                    : null;
        });
        if (won == State.SUCCEEDED) {
            Payment paid = get(p.id());
            LOG.info("payment {} for order {} succeeded", paid.id(), paid.orderRef());
            for (Consumer<Payment> l : paidListeners) {
                try {
                    l.accept(paid);
                } catch (RuntimeException e) {
                    LOG.error("payment {}: a paid-listener failed", paid.id(), e);
                }
            }
        } else if (won == State.LATE) {
            LOG.warn("payment {} succeeded after it was abandoned: refunding it", p.id());
            refundLate(get(p.id()));
        }
    }

    private record Opened(Payment payment, boolean created) {}

    /** Inserts the order's payment, or returns its live one (same amount and method, else CONFLICT). */
    private Opened open(String orderRef, Money amount, String description, Method method) {
        if (orderRef == null || !orderRef.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "orderRef must be 1-64 of [A-Za-z0-9_.:-]");
        }
        if (amount == null || amount.fen() <= 0) {
            throw new ServiceException(Problem.BAD_REQUEST, "amount must be positive");
        }
        String what = description == null || description.isBlank() ? orderRef : description.strip();
        if (what.length() > 127) {
            throw new ServiceException(Problem.BAD_REQUEST, "description must be at most 127 characters");
        }
        PaymentProvider provider = providers.current();
        Instant now = clock.instant();
        Payment fresh = new Payment(
                "P" + ids.sortableId(),
                orderRef,
                provider.name(),
                method,
                amount,
                what,
                State.PENDING,
                null,
                null,
                null,
                0,
                now,
                now,
                null,
                now.plus(expiry));
        try {
            db.tx(c -> {
                store.insert(c, fresh);
                return null;
            });
            return new Opened(fresh, true);
        } catch (StoreException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
        Payment live = db.read(c -> store.live(c, orderRef))
                .orElseThrow(() -> new ServiceException(
                        Problem.CONFLICT, "the payment of order " + orderRef + " changed meanwhile: retry"));
        if (!live.amount().equals(amount) || live.method() != method) {
            throw new ServiceException(
                    Problem.CONFLICT,
                    "order " + orderRef + " already has payment " + live.id() + " (" + live.method() + ", "
                            + live.amount().fen() + " " + live.amount().currency() + ")",
                    live.id());
        }
        return new Opened(live, false);
    }

    /** A provider error while taking money: a definite refusal fails the payment, an unknown outcome leaves it open. */
    private Payment afterError(Payment p, PaymentException e) {
        if (e.kind() == PaymentException.Kind.DECLINED || e.kind() == PaymentException.Kind.REJECTED) {
            fail(p.id(), e.code());
        }
        return get(p.id());
    }

    private static Charge charge(Payment p) {
        return new Charge(p.id(), p.amount(), p.description());
    }

    /** Runs a provider call and records it (operation, outcome, provider code, duration) in the audit trail. */
    <T> T audited(Payment p, String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            T result = call.get();
            String outcome = "OK";
            String code = null;
            if (result instanceof Outcome o) {
                outcome = o.status().name();
                code = o.code();
            } else if (result instanceof PaymentProvider.RefundOutcome r) {
                outcome = r.status().name();
                code = r.code();
            }
            record(p, operation, outcome, code, System.nanoTime() - start);
            return result;
        } catch (PaymentException e) {
            record(p, operation, e.kind().name(), e.code(), System.nanoTime() - start);
            throw e;
        }
    }

    private void record(Payment p, String operation, String outcome, String code, long nanos) {
        LOG.info("payment {} {} at {}: {} {}", p.id(), operation, p.provider(), outcome, code == null ? "" : code);
        db.tx(c -> {
            store.recordCall(
                    c, new CallRow(p.id(), p.provider(), operation, outcome, code, clock.instant(), nanos / 1_000_000));
            return null;
        });
    }
}
