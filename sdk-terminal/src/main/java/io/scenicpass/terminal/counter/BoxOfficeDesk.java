package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.terminal.internal.sync.TerminalApi;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The staffed box office at its desk: a cashier opens a shift with their PIN and the float, sells inside it (cash
 * allowed), refunds, pays out the cash refunds operators made on the console ({@link #payOut}), and closes it with the
 * drawer's count and the device's own tally of the shift's sales and refunds;
 * the server answers with the cash-up ({@link ShiftReport}). Refusals are {@link SyncException}s carrying the server's
 * code ({@code WRONG_PIN}, {@code SHIFT_ALREADY_OPEN}, {@code BOX_OFFICE_ONLY} …). One desk per device; thread-safe.
 *
 * <pre>{@code
 * BoxOfficeDesk desk = BoxOfficeDesk.of(counter);
 * desk.open("c-7", pin, 50_000);
 * Sale sale = desk.payCash(desk.sell(SaleOrder.builder(productId, slotId).item("adult")).saleId(), 10_000);
 * counter.print(sale);
 * ShiftReport cashUp = desk.close(countedFen);
 * }</pre>
 */
public final class BoxOfficeDesk {
    /** A refund made at the desk. */
    public static final class Refund {
        private final String refundId;
        private final String method;
        private final long amountFen;
        private final String paymentRefundState;
        private final Sale sale;

        Refund(String refundId, String method, long amountFen, String paymentRefundState, Sale sale) {
            this.refundId = refundId;
            this.method = method;
            this.amountFen = amountFen;
            this.paymentRefundState = paymentRefundState;
            this.sale = sale;
        }

        /** @return the refund's id (a retry answers the same) */
        public String refundId() {
            return refundId;
        }

        /** @return CASH: hand it back from the drawer; otherwise it goes back to the visitor's payment */
        public String method() {
            return method;
        }

        /** @return how much */
        public long amountFen() {
            return amountFen;
        }

        /** @return the electronic refund's state at the provider, if any */
        public Optional<String> paymentRefundState() {
            return Optional.ofNullable(paymentRefundState);
        }

        /** @return the sale after the refund (its refunded passes are revoked) */
        public Sale sale() {
            return sale;
        }

        @Override
        public String toString() {
            return "Refund{" + refundId + " " + method + " " + amountFen + " of " + sale.saleId() + "}";
        }
    }

    private final Counter counter;
    private final TerminalApi api;
    private String shiftId;
    /** The device's own tally of the open shift: paid sales by sale id, refunds by refund id. */
    private final Map<String, ObjectNode> sales = new LinkedHashMap<>();

    private final Map<String, ObjectNode> refunds = new LinkedHashMap<>();
    /** Sales booked in the open shift: only these count when paid. */
    private final Set<String> booked = new HashSet<>();

    private BoxOfficeDesk(Counter counter) {
        this.counter = counter;
        this.api = counter.api();
    }

    /** @param counter the box office's counter (a BOX_OFFICE enrollment) @return its desk */
    public static BoxOfficeDesk of(Counter counter) {
        return new BoxOfficeDesk(Objects.requireNonNull(counter, "counter"));
    }

    /**
     * Signs the cashier in and opens the shift.
     *
     * @throws SyncException WRONG_PIN (401; each wrong PIN counts, do not retry on your own), SHIFT_ALREADY_OPEN
     */
    public synchronized ShiftReport open(String cashierId, String pin, long openingFloatFen) {
        ObjectNode body = CounterWire.JSON.createObjectNode().put("cashierId", cashierId);
        body.put("pin", pin).put("openingFloatFen", openingFloatFen);
        ShiftReport r = ShiftReport.of(post(api.url("counter/shifts").build(), body));
        begin(r.shiftId());
        return r;
    }

    /** @return the device's open shift as the server has it (taken up by this desk, e.g. after a restart), if any */
    public synchronized Optional<ShiftReport> current() {
        try {
            ShiftReport r =
                    ShiftReport.of(api.get(api.url("counter/shifts/current").build(), JsonNode.class));
            if (!r.shiftId().equals(shiftId)) {
                begin(r.shiftId()); // a tally from before a restart is lost: the close reports MISSING_ON_DEVICE
            }
            return Optional.of(r);
        } catch (SyncException e) {
            if (e.httpStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** @return the open shift's id, if this desk has one */
    public synchronized Optional<String> shiftId() {
        return Optional.ofNullable(shiftId);
    }

    /** Books an order in the open shift (see {@link Counter#sell}). */
    public Sale sell(SaleOrder.Builder order) {
        Sale sale = counter.sell(order.shiftId(requireShift()).build());
        synchronized (this) {
            booked.add(sale.saleId());
        }
        return sale;
    }

    /** Takes cash for a sale of the shift: PAID at once, counted in the tally. */
    public Sale payCash(String saleId, long tenderedFen) {
        return track(counter.payCash(saleId, tenderedFen));
    }

    /** Takes the visitor's payment code; a PAID answer is counted (a later one: {@link #track} it). */
    public Sale payByCode(String saleId, String paymentCode) {
        return track(counter.payByCode(saleId, paymentCode));
    }

    /**
     * Counts a sale booked in this shift ({@link #sell}) in the device's tally once it is paid (one paid another way,
     * e.g. a QR payment awaited through the counter); a sale not paid, or not of this shift, is not counted.
     *
     * @return the sale
     */
    public synchronized Sale track(Sale sale) {
        if (sale.paid() && booked.contains(sale.saleId())) {
            ObjectNode e = CounterWire.JSON.createObjectNode().put("saleId", sale.saleId());
            e.put("method", sale.payment().map(p -> p.method().name()).orElse(null));
            sales.put(sale.saleId(), e.put("amountFen", sale.amountFen()));
        }
        return sale;
    }

    /**
     * Refunds a sale's passes (all still valid when {@code passIds} is empty) from the open shift. Once the slot
     * started a supervisor must approve. Retrying is safe.
     *
     * @throws SyncException with the server's code (a pass used at a gate, too late, a wrong supervisor PIN …)
     */
    public Refund refund(
            String saleId, String reason, List<String> passIds, String supervisorId, String supervisorPin) {
        ObjectNode body = CounterWire.JSON.createObjectNode().put("shiftId", requireShift());
        body.put("reason", reason);
        if (passIds != null && !passIds.isEmpty()) {
            ArrayNode a = body.putArray("passIds");
            passIds.forEach(a::add);
        }
        if (supervisorId != null) {
            body.put("supervisorId", supervisorId).put("supervisorPin", supervisorPin);
        }
        JsonNode n = post(
                api.url("counter/sales")
                        .addPathSegment(saleId)
                        .addPathSegment("refund")
                        .build(),
                body);
        JsonNode r = n.path("refund");
        if (!r.path("id").isTextual() || !n.path("sale").isObject()) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "unreadable refund answer");
        }
        Sale sale;
        try {
            sale = CounterWire.sale(n.path("sale"));
        } catch (IllegalArgumentException e) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, e.getMessage(), 200, null, e);
        }
        Refund out = new Refund(
                r.path("id").asText(),
                r.path("method").asText(),
                r.path("amountFen").asLong(),
                r.path("paymentRefundState").isTextual()
                        ? r.path("paymentRefundState").asText()
                        : null,
                sale);
        synchronized (this) {
            ObjectNode e = CounterWire.JSON.createObjectNode().put("saleId", saleId);
            refunds.put(out.refundId(), e.put("method", out.method()).put("amountFen", out.amountFen()));
        }
        return out;
    }

    /**
     * The cash refunds operators made on the console that are due at a box office: of one sale ({@code saleId}), of
     * the receipt's booking code ({@code bookingCode}), or all (both null).
     *
     * @throws SyncException with the server's code
     */
    public List<RefundDue> refundsDue(String saleId, String bookingCode) {
        okhttp3.HttpUrl.Builder url = api.url("counter/refunds-due");
        if (saleId != null) {
            url.addQueryParameter("saleId", saleId);
        }
        if (bookingCode != null) {
            url.addQueryParameter("bookingCode", bookingCode);
        }
        JsonNode n = api.get(url.build(), JsonNode.class);
        if (n == null || !n.isArray()) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "unreadable refunds due");
        }
        List<RefundDue> out = new java.util.ArrayList<>();
        try {
            n.forEach(r -> out.add(RefundDue.of(r)));
        } catch (IllegalArgumentException e) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, e.getMessage(), 200, null, e);
        }
        return out;
    }

    /**
     * Pays a cash refund due out of this desk's drawer, in the open shift (counted in its tally and cash-up). Once
     * only: a retry from this shift answers the same; another box office that paid it first gives ALREADY_PAID_OUT.
     *
     * @throws SyncException ALREADY_PAID_OUT, NOT_FOUND (no such refund due), CONFLICT (the shift is closed)
     */
    public RefundDue payOut(String refundId) {
        ObjectNode body = CounterWire.JSON.createObjectNode().put("shiftId", requireShift());
        JsonNode n = post(
                api.url("counter/refunds-due")
                        .addPathSegment(refundId)
                        .addPathSegment("pay-out")
                        .build(),
                body);
        RefundDue out;
        try {
            out = RefundDue.of(n);
        } catch (IllegalArgumentException e) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, e.getMessage(), 200, null, e);
        }
        synchronized (this) {
            ObjectNode e = CounterWire.JSON.createObjectNode().put("saleId", out.saleId());
            refunds.put(out.refundId(), e.put("method", "CASH").put("amountFen", out.amountFen()));
        }
        return out;
    }

    /**
     * Closes the shift with the drawer's count and the device's tally; the desk has no shift afterwards.
     *
     * @param countedCashFen the cash counted in the drawer
     * @return the cash-up: expected and counted cash, the difference, the reconciliation
     */
    public synchronized ShiftReport close(long countedCashFen) {
        String id = requireShift();
        ObjectNode body = CounterWire.JSON.createObjectNode().put("countedCashFen", countedCashFen);
        ObjectNode tally = body.putObject("deviceTally");
        tally.putArray("sales").addAll(sales.values());
        tally.putArray("refunds").addAll(refunds.values());
        ShiftReport r = ShiftReport.of(post(
                api.url("counter/shifts")
                        .addPathSegment(id)
                        .addPathSegment("close")
                        .build(),
                body));
        begin(null);
        return r;
    }

    private synchronized void begin(String id) {
        shiftId = id;
        sales.clear();
        refunds.clear();
        booked.clear();
    }

    private synchronized String requireShift() {
        if (shiftId == null) {
            throw new IllegalStateException("no shift open at this desk: open one (or take up the current one)");
        }
        return shiftId;
    }

    private JsonNode post(okhttp3.HttpUrl url, ObjectNode body) {
        JsonNode n = api.post(url, body, false, JsonNode.class, null);
        if (n == null || !n.isObject()) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "unreadable box office answer");
        }
        return n;
    }
}
