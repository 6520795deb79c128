package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A box office shift as the server reports it: open (totals so far) or closed (the cash-up: counted cash, the
 * difference, and where the device's tally and the server's records disagree). Amounts in fen.
 */
public final class ShiftReport {
    private final String shiftId;
    private final String state;
    private final String cashierId;
    private final long openingFloatFen;
    private final Map<String, Long> salesByMethod;
    private final long salesFen;
    private final Map<String, Long> refundsByMethod;
    private final long refundsFen;
    private final long expectedCashFen;
    private final Long countedCashFen;
    private final Long differenceFen;
    private final List<String> mismatches;
    private final boolean balanced;
    private final JsonNode json;

    private ShiftReport(JsonNode n) {
        this.json = n;
        this.shiftId = text(n, "shiftId");
        this.state = text(n, "state");
        this.cashierId = n.path("cashierId").asText("");
        this.openingFloatFen = n.path("openingFloatFen").asLong();
        this.salesByMethod = byMethod(n.path("sales"));
        this.salesFen = n.path("sales").path("fen").asLong();
        this.refundsByMethod = byMethod(n.path("refunds"));
        this.refundsFen = n.path("refunds").path("fen").asLong();
        this.expectedCashFen = n.path("expectedCashFen").asLong();
        this.countedCashFen =
                n.path("countedCashFen").isNumber() ? n.path("countedCashFen").asLong() : null;
        this.differenceFen =
                n.path("differenceFen").isNumber() ? n.path("differenceFen").asLong() : null;
        List<String> m = new ArrayList<>();
        for (JsonNode x : n.path("reconciliation").path("mismatches")) {
            m.add(x.path("kind").asText() + " " + x.path("saleId").asText() + " "
                    + x.path("issue").asText());
        }
        this.mismatches = Collections.unmodifiableList(m);
        this.balanced = n.path("balanced").asBoolean(false);
    }

    /** @param n the server's report @return it, typed @throws SyncException BAD_RESPONSE when it is no report */
    static ShiftReport of(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "unreadable shift report");
        }
        return new ShiftReport(n);
    }

    private static String text(JsonNode n, String field) {
        if (!n.path(field).isTextual()) {
            throw new SyncException(SyncErrorCode.BAD_RESPONSE, "shift report without " + field);
        }
        return n.path(field).asText();
    }

    private static Map<String, Long> byMethod(JsonNode totals) {
        Map<String, Long> m = new LinkedHashMap<>();
        totals.path("byMethod")
                .fields()
                .forEachRemaining(
                        e -> m.put(e.getKey(), e.getValue().path("fen").asLong()));
        return Collections.unmodifiableMap(m);
    }

    /** @return the shift's id (sales and refunds of the shift carry it) */
    public String shiftId() {
        return shiftId;
    }

    /** @return OPEN or CLOSED */
    public String state() {
        return state;
    }

    /** @return true while the shift is open */
    public boolean open() {
        return "OPEN".equals(state);
    }

    /** @return the cashier who opened it */
    public String cashierId() {
        return cashierId;
    }

    /** @return the cash in the drawer at the start */
    public long openingFloatFen() {
        return openingFloatFen;
    }

    /** @return sales per payment method (CASH, CODE, NATIVE) */
    public Map<String, Long> salesByMethod() {
        return salesByMethod;
    }

    /** @return all sales */
    public long salesFen() {
        return salesFen;
    }

    /** @return refunds per method */
    public Map<String, Long> refundsByMethod() {
        return refundsByMethod;
    }

    /** @return all refunds */
    public long refundsFen() {
        return refundsFen;
    }

    /** @return the cash the drawer should hold: float + cash sales − cash refunds */
    public long expectedCashFen() {
        return expectedCashFen;
    }

    /** @return the cash counted at the close (empty while open) */
    public OptionalLong countedCashFen() {
        return countedCashFen == null ? OptionalLong.empty() : OptionalLong.of(countedCashFen);
    }

    /** @return counted − expected (negative: short; empty while open) */
    public OptionalLong differenceFen() {
        return differenceFen == null ? OptionalLong.empty() : OptionalLong.of(differenceFen);
    }

    /** @return where the device's tally and the server disagree ("SALE id MISSING_ON_SERVER" …); empty: none */
    public List<String> mismatches() {
        return mismatches;
    }

    /** @return true when closed with no difference and no mismatch */
    public boolean balanced() {
        return balanced;
    }

    /** @return the server's report as sent (to print it whole for the cashier to sign) */
    public JsonNode json() {
        return json.deepCopy();
    }

    @Override
    public String toString() {
        return "ShiftReport{" + shiftId + " " + state + ", expected " + expectedCashFen + ", counted " + countedCashFen
                + ", difference " + differenceFen + (mismatches.isEmpty() ? "" : ", " + mismatches) + "}";
    }
}
