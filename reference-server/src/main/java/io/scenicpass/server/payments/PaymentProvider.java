package io.scenicpass.server.payments;

import java.util.Map;

/**
 * The payment SPI: what a payment service provider does for the server. Calls are synchronous and may throw
 * {@link PaymentException}; the provider keys the payment by the server's payment id (WeChat's out_trade_no), so a
 * repeated call for one id never takes money twice at the provider either.
 */
public interface PaymentProvider {
    /**
     * A native payment shows a QR code for the visitor's phone; a code payment scans the visitor's payment code; H5
     * sends a phone's browser to the provider's cashier page; JSAPI opens the cashier inside WeChat (WeixinJSBridge).
     */
    enum Method {
        NATIVE,
        CODE,
        H5,
        JSAPI
    }

    /** What the provider says about a payment or a refund. */
    enum Status {
        PENDING,
        SUCCEEDED,
        FAILED
    }

    /** What to charge: the server's payment id, the amount and a short description shown to the payer. */
    record Charge(String paymentId, Money amount, String description) {}

    /**
     * A payment's state at the provider: its transaction id once paid, the QR code URL of a native payment, the amount
     * paid (null when not said), the provider's code of a failure or pending state.
     */
    record Outcome(Status status, String providerTx, String codeUrl, Long paidFen, String code) {
        public static Outcome pending(String code) {
            return new Outcome(Status.PENDING, null, null, null, code);
        }
    }

    /** Who pays on the web: the phone's IP address (H5, required by WeChat) and the payer's openid (JSAPI). */
    record Payer(String clientIp, String openId) {}

    /** Refund {@code refund} of the payment's {@code total}; {@code refundId} keys the refund at the provider. */
    record RefundRequest(String refundId, String paymentId, Money refund, Money total, String reason) {}

    record RefundOutcome(Status status, String providerRefundId, String code) {}

    /** A verified, decrypted notification: about one payment, or about nothing the server tracks (paymentId null). */
    record Notice(String paymentId, Outcome outcome) {}

    /** The provider's name as stored with each payment ({@code simulated}, {@code wechat}). */
    String name();

    /** Creates a native payment; the outcome carries the QR code URL (PENDING until the visitor pays). */
    Outcome startNative(Charge charge);

    /**
     * Creates a web payment ({@link Method#H5} or {@link Method#JSAPI}); the outcome's {@code codeUrl} is what the
     * page opens: the cashier URL (H5) or the prepay id (JSAPI). Providers without web payments refuse (REJECTED).
     */
    default Outcome startWeb(Charge charge, Method method, Payer payer) {
        throw new PaymentException(
                PaymentException.Kind.REJECTED, "UNSUPPORTED", name() + " does not take " + method + " payments");
    }

    /**
     * The signed parameters a page passes to WeixinJSBridge's {@code getBrandWCPayRequest} for a JSAPI payment's
     * prepay id (appId, timeStamp, nonceStr, package, signType, paySign).
     */
    default Map<String, String> jsapiParameters(String prepayId) {
        throw new PaymentException(PaymentException.Kind.REJECTED, "UNSUPPORTED", name() + " has no JSAPI payments");
    }

    /** Charges the visitor's payment code; PENDING when the visitor must still confirm on the phone. */
    Outcome payByCode(Charge charge, String paymentCode);

    /** The payment's current state; {@link PaymentException.Kind#NOT_FOUND} if the provider never got it. */
    Outcome query(String paymentId);

    /** Closes an unpaid native payment or reverses a code payment, so that it can no longer be paid. */
    void cancel(String paymentId, Method method);

    RefundOutcome refund(RefundRequest request);

    /**
     * Verifies (signature, freshness) and decrypts a notification the provider posted; headers with lower-case names.
     * A forged or stale one throws {@link PaymentException.Kind#SIGNATURE}.
     */
    Notice notification(Map<String, String> headers, String body);
}
