package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A cash refund an operator made on the console, due at a box office: the cashier pays it out of the drawer with
 * {@link BoxOfficeDesk#payOut} (its passes are revoked already).
 */
public final class RefundDue {
    private final String refundId;
    private final String saleId;
    private final long amountFen;
    private final List<String> passIds;
    private final String reason;

    RefundDue(String refundId, String saleId, long amountFen, List<String> passIds, String reason) {
        this.refundId = refundId;
        this.saleId = saleId;
        this.amountFen = amountFen;
        this.passIds = Collections.unmodifiableList(new ArrayList<>(passIds));
        this.reason = reason;
    }

    /** Reads one refund of the server's answer; IllegalArgumentException when it is not one. */
    static RefundDue of(JsonNode r) {
        if (!r.path("id").isTextual()
                || !r.path("saleId").isTextual()
                || !r.path("amountFen").canConvertToLong()) {
            throw new IllegalArgumentException("unreadable refund due");
        }
        List<String> passes = new ArrayList<>();
        r.path("passIds").forEach(p -> passes.add(p.asText()));
        return new RefundDue(
                r.path("id").asText(),
                r.path("saleId").asText(),
                r.path("amountFen").asLong(),
                passes,
                r.path("reason").asText(""));
    }

    /** @return the refund's id */
    public String refundId() {
        return refundId;
    }

    /** @return the sale refunded */
    public String saleId() {
        return saleId;
    }

    /** @return the cash to hand back */
    public long amountFen() {
        return amountFen;
    }

    /** @return the passes refunded (revoked) */
    public List<String> passIds() {
        return passIds;
    }

    /** @return the operator's reason */
    public String reason() {
        return reason;
    }

    @Override
    public String toString() {
        return "RefundDue{" + refundId + " " + amountFen + " of " + saleId + "}";
    }
}
