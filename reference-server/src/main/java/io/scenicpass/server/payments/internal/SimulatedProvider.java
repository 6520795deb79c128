package io.scenicpass.server.payments.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.server.payments.PaymentException;
import io.scenicpass.server.payments.PaymentException.Kind;
import io.scenicpass.server.payments.PaymentProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A payment provider in memory for the demo and the tests, deterministic and driven by the clock. Each charge takes
 * the next queued {@link Behaviour} (else the default): it succeeds, is declined, times out (and is paid
 * {@link #lateBy} later, seen only by a query), or pays twice (the success is reported twice). Its notifications
 * are HMAC-signed with a key of this instance, so a forged one is refused like a forged WeChat Pay one.
 */
public final class SimulatedProvider implements PaymentProvider {
    public static final String NAME = "simulated";

    /** What the next charge does. */
    public enum Behaviour {
        SUCCEED,
        DECLINE,
        TIMEOUT,
        PAY_TWICE
    }

    /** A notification to deliver to the server: lower-case headers and the body. */
    public record Delivery(Map<String, String> headers, String body) {}

    private static final Duration FRESH = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final byte[] key = new byte[32];
    private final Deque<Behaviour> queued = new ArrayDeque<>();
    private final Map<String, Txn> txns = new LinkedHashMap<>();
    private final Map<String, Long> refunds = new LinkedHashMap<>();
    private final List<Delivery> outbox = new ArrayList<>();
    private Behaviour fallback = Behaviour.SUCCEED;
    private Duration lateBy = Duration.ofMinutes(2);
    private int charges;

    private static final class Txn {
        final Method method;
        final long fen;
        final Behaviour behaviour;
        Instant paidAt; // null: not paid (or not yet known to be)
        boolean closed;
        long refunded;

        Txn(Method method, long fen, Behaviour behaviour) {
            this.method = method;
            this.fen = fen;
            this.behaviour = behaviour;
        }
    }

    public SimulatedProvider(Clock clock, SecureRandom random) {
        this.clock = clock;
        random.nextBytes(key);
    }

    /** The next charges behave like this, in order (then the default again). */
    public synchronized SimulatedProvider then(Behaviour... next) {
        queued.addAll(List.of(next));
        return this;
    }

    public synchronized void byDefault(Behaviour b) {
        fallback = b;
    }

    /** How long after a timed-out call the payment turns out paid. */
    public synchronized void lateBy(Duration d) {
        lateBy = d;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized Outcome startNative(Charge charge) {
        start(charge, Method.NATIVE);
        return new Outcome(Status.PENDING, null, "weixin://sim/" + charge.paymentId(), null, "NOTPAY");
    }

    /** H5: a cashier URL of its own ({@link #visitorPays} is the visitor paying there); JSAPI: a prepay id. */
    @Override
    public synchronized Outcome startWeb(Charge charge, Method method, Payer payer) {
        start(charge, method);
        String shown = method == Method.JSAPI
                ? "sim_prepay_" + charge.paymentId()
                : "https://pay.simulated.invalid/h5/" + charge.paymentId();
        return new Outcome(Status.PENDING, null, shown, null, "NOTPAY");
    }

    @Override
    public Map<String, String> jsapiParameters(String prepayId) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        String pkg = "prepay_id=" + prepayId;
        return Map.of(
                "appId",
                "sim",
                "timeStamp",
                ts,
                "nonceStr",
                "sim",
                "package",
                pkg,
                "signType",
                "HMAC",
                "paySign",
                sign(ts, pkg));
    }

    /** A payment the visitor completes later (QR, cashier page); a start again with the same id changes nothing. */
    private void start(Charge charge, Method method) {
        Txn t = txns.get(charge.paymentId());
        if (t == null) {
            t = new Txn(method, charge.amount().fen(), next());
            txns.put(charge.paymentId(), t);
            if (t.behaviour == Behaviour.TIMEOUT) {
                throw new PaymentException(Kind.TIMEOUT, "TIMEOUT", "simulated timeout");
            }
        }
    }

    /**
     * The visitor scans the native QR (or pays on the H5 cashier page, or in WeChat) and pays: true if paid. A declining behaviour pays nothing; TIMEOUT pays
     * without a notification; PAY_TWICE notifies twice.
     */
    public synchronized boolean visitorPays(String paymentId) {
        Txn t = txns.get(paymentId);
        if (t == null || t.closed || t.behaviour == Behaviour.DECLINE) {
            return false;
        }
        if (t.paidAt == null) {
            t.paidAt = clock.instant();
            charges++;
            if (t.behaviour != Behaviour.TIMEOUT) {
                notifyPaid(paymentId, t, t.behaviour == Behaviour.PAY_TWICE ? 2 : 1);
            }
        }
        return true;
    }

    @Override
    public synchronized Outcome payByCode(Charge charge, String paymentCode) {
        Txn t = txns.get(charge.paymentId());
        if (t != null) {
            return query(charge.paymentId()); // the same out_trade_no again: the provider never charges twice
        }
        t = new Txn(Method.CODE, charge.amount().fen(), next());
        txns.put(charge.paymentId(), t);
        switch (t.behaviour) {
            case DECLINE -> {
                t.closed = true;
                throw new PaymentException(Kind.DECLINED, "NOT_ENOUGH", "simulated: insufficient balance");
            }
            case TIMEOUT -> {
                t.paidAt = clock.instant().plus(lateBy);
                charges++;
                throw new PaymentException(Kind.TIMEOUT, "TIMEOUT", "simulated timeout");
            }
            case PAY_TWICE -> notifyPaid(charge.paymentId(), t, 2);
            case SUCCEED -> {}
        }
        t.paidAt = clock.instant();
        charges++;
        return paid(charge.paymentId(), t);
    }

    @Override
    public synchronized Outcome query(String paymentId) {
        Txn t = txns.get(paymentId);
        if (t == null) {
            throw new PaymentException(Kind.NOT_FOUND, "ORDER_NOT_EXIST", "simulated: no such payment");
        }
        if (t.closed) {
            return new Outcome(Status.FAILED, null, null, null, "CLOSED");
        }
        if (t.paidAt != null && !clock.instant().isBefore(t.paidAt)) {
            return paid(paymentId, t);
        }
        return Outcome.pending(t.method == Method.CODE ? "USERPAYING" : "NOTPAY");
    }

    @Override
    public synchronized void cancel(String paymentId, Method method) {
        Txn t = txns.get(paymentId);
        if (t == null) {
            throw new PaymentException(Kind.NOT_FOUND, "ORDER_NOT_EXIST", "simulated: no such payment");
        }
        boolean paid = t.paidAt != null && !clock.instant().isBefore(t.paidAt);
        if (paid && method != Method.CODE) {
            throw new PaymentException(Kind.REJECTED, "ORDERPAID", "simulated: already paid");
        }
        t.closed = true; // a reversed code payment is paid back
        t.paidAt = null;
    }

    @Override
    public synchronized RefundOutcome refund(RefundRequest r) {
        Txn t = txns.get(r.paymentId());
        if (t == null || t.paidAt == null || clock.instant().isBefore(t.paidAt)) {
            throw new PaymentException(Kind.REJECTED, "ORDER_NOT_PAID", "simulated: not paid");
        }
        if (!refunds.containsKey(r.refundId())) {
            if (t.refunded + r.refund().fen() > t.fen) {
                throw new PaymentException(Kind.REJECTED, "INVALID_REQUEST", "simulated: refund exceeds payment");
            }
            t.refunded += r.refund().fen();
            refunds.put(r.refundId(), r.refund().fen());
        }
        return new RefundOutcome(Status.SUCCEEDED, "SIMR" + r.refundId(), "SUCCESS");
    }

    @Override
    public Notice notification(Map<String, String> headers, String body) {
        String ts = headers.get("x-sim-timestamp");
        String sig = headers.get("x-sim-signature");
        if (ts == null || sig == null || !ts.matches("[0-9]{1,12}")) {
            throw new PaymentException(Kind.SIGNATURE, "NO_SIGNATURE", "notification without a signature");
        }
        long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(ts));
        if (age > FRESH.getSeconds()
                || !MessageDigest.isEqual(
                        sign(ts, body).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new PaymentException(Kind.SIGNATURE, "BAD_SIGNATURE", "notification signature does not verify");
        }
        try {
            JsonNode n = JSON.readTree(body);
            return new Notice(
                    n.path("paymentId").asText(null),
                    new Outcome(
                            Status.valueOf(n.path("status").asText()),
                            n.path("providerTx").asText(null),
                            null,
                            n.path("paidFen").asLong(),
                            "SUCCESS"));
        } catch (Exception e) {
            throw new PaymentException(Kind.REJECTED, "BAD_BODY", "notification body is not a simulated notice");
        }
    }

    /** Notifications not yet delivered (taken out). */
    public synchronized List<Delivery> takeNotifications() {
        List<Delivery> out = List.copyOf(outbox);
        outbox.clear();
        return out;
    }

    /** How many charges took money (a charge paid twice counts once: the provider charged once). */
    public synchronized int charges() {
        return charges;
    }

    /** Money held for the payment now: paid minus refunded (0 if unpaid, closed or reversed). */
    public synchronized long heldFen(String paymentId) {
        Txn t = txns.get(paymentId);
        return t == null || t.paidAt == null || clock.instant().isBefore(t.paidAt) ? 0 : t.fen - t.refunded;
    }

    private Behaviour next() {
        return queued.isEmpty() ? fallback : queued.poll();
    }

    private static Outcome paid(String paymentId, Txn t) {
        return new Outcome(Status.SUCCEEDED, "SIM" + paymentId, null, t.fen, "SUCCESS");
    }

    private void notifyPaid(String paymentId, Txn t, int times) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("paymentId", paymentId);
        n.put("status", "SUCCEEDED");
        n.put("providerTx", "SIM" + paymentId);
        n.put("paidFen", t.fen);
        try {
            String body = JSON.writeValueAsString(n);
            String ts = Long.toString(clock.instant().getEpochSecond());
            for (int i = 0; i < times; i++) {
                outbox.add(new Delivery(Map.of("x-sim-timestamp", ts, "x-sim-signature", sign(ts, body)), body));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String ts, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((ts + "\n" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
