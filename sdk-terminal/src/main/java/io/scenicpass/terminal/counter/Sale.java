package io.scenicpass.terminal.counter;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sale at the counter as the server last reported it ({@code Sale} of the counter API): its state, amount, booking,
 * payment and — once paid — the issued tickets. Immutable; parse a server response with {@link #parse(byte[])}.
 */
public final class Sale {
    /** Where a sale is in its life. */
    public enum State {
        /** Booked (places held), waiting for the payment. */
        AWAITING_PAYMENT,
        /** Paid; the tickets are issued. */
        PAID,
        /** The payment was declined; the visitor may pay again. */
        DECLINED,
        /** Cancelled before payment; the places are released. */
        CANCELLED,
        /** Not paid in time; the places are released. */
        EXPIRED,
        /** Paid, then refunded. */
        REFUNDED,
        /** A state this client does not know (a newer server). */
        UNKNOWN;

        static State of(String s) {
            for (State v : values()) {
                if (v.name().equals(s)) {
                    return v;
                }
            }
            return UNKNOWN;
        }
    }

    /** The sale's payment attempt. */
    public static final class Payment {
        private final String id;
        private final PaymentMethod method;
        private final String state;
        private final String codeUrl;

        /**
         * @param id the provider payment's id (null for cash)
         * @param method how it is paid
         * @param state the payment's state as the server named it (e.g. PENDING, SUCCEEDED, DECLINED)
         * @param codeUrl the QR to show for a NATIVE payment, or null
         */
        public Payment(String id, PaymentMethod method, String state, String codeUrl) {
            this.id = id;
            this.method = Objects.requireNonNull(method, "method");
            this.state = state == null ? "" : state;
            this.codeUrl = codeUrl;
        }

        /** @return the provider payment's id (none for cash) */
        public Optional<String> id() {
            return Optional.ofNullable(id);
        }

        /** @return how it is paid */
        public PaymentMethod method() {
            return method;
        }

        /** @return the payment state as the server named it */
        public String state() {
            return state;
        }

        /** @return the QR text to show the visitor (NATIVE payments) */
        public Optional<String> codeUrl() {
            return Optional.ofNullable(codeUrl);
        }

        @Override
        public String toString() {
            return "Payment{" + id + ", " + method + ", " + state + "}";
        }
    }

    private final String saleId;
    private final String deviceId;
    private final State state;
    private final String productId;
    private final String slotId;
    private final long amountFen;
    private final String currency;
    private final String bookingId;
    private final String bookingCode;
    private final Instant expiresAt;
    private final Payment payment;
    private final List<Ticket> tickets;
    private final String invoiceUrl;
    private final List<Voucher> vouchers;

    Sale(
            String saleId,
            String deviceId,
            State state,
            String productId,
            String slotId,
            long amountFen,
            String currency,
            String bookingId,
            String bookingCode,
            Instant expiresAt,
            Payment payment,
            List<Ticket> tickets,
            String invoiceUrl,
            List<Voucher> vouchers) {
        this.saleId = Objects.requireNonNull(saleId, "saleId");
        this.deviceId = deviceId;
        this.state = Objects.requireNonNull(state, "state");
        this.productId = productId;
        this.slotId = slotId;
        this.amountFen = amountFen;
        this.currency = currency == null ? "CNY" : currency;
        this.bookingId = bookingId;
        this.bookingCode = bookingCode;
        this.expiresAt = expiresAt;
        this.payment = payment;
        this.tickets = Collections.unmodifiableList(tickets);
        this.invoiceUrl = invoiceUrl;
        this.vouchers = Collections.unmodifiableList(vouchers);
    }

    /**
     * @param json a {@code Sale} object of the counter API (UTF-8 JSON)
     * @return the sale
     * @throws IllegalArgumentException when it is not a readable sale
     */
    public static Sale parse(byte[] json) {
        return CounterWire.sale(CounterWire.tree(json));
    }

    /** @return the device's sale id */
    public String saleId() {
        return saleId;
    }

    /** @return the device that sold it */
    public String deviceId() {
        return deviceId;
    }

    /** @return the state */
    public State state() {
        return state;
    }

    /** @return true when paid (tickets issued) */
    public boolean paid() {
        return state == State.PAID;
    }

    /** @return the product id */
    public String productId() {
        return productId;
    }

    /** @return the slot id */
    public String slotId() {
        return slotId;
    }

    /** @return the amount due in fen (1/100 yuan) */
    public long amountFen() {
        return amountFen;
    }

    /** @return the currency (CNY) */
    public String currency() {
        return currency;
    }

    /** @return the booking id */
    public String bookingId() {
        return bookingId;
    }

    /** @return the booking code (for pick-up and the receipt) */
    public String bookingCode() {
        return bookingCode;
    }

    /** @return when an unpaid sale expires, if it can */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return the payment attempt, once one was started */
    public Optional<Payment> payment() {
        return Optional.ofNullable(payment);
    }

    /** @return the issued tickets (empty until paid) */
    public List<Ticket> tickets() {
        return tickets;
    }

    /** @return a package's partner vouchers to print or show with the tickets (empty until paid, or none) */
    public List<Voucher> vouchers() {
        return vouchers;
    }

    /** @return where the visitor can ask for an invoice later (the receipt's QR), if offered */
    public Optional<String> invoiceUrl() {
        return Optional.ofNullable(invoiceUrl);
    }

    @Override
    public String toString() {
        return "Sale{" + saleId + ", " + state + ", " + amountFen + " fen, tickets=" + tickets.size()
                + (payment == null ? "" : ", " + payment) + "}";
    }
}
