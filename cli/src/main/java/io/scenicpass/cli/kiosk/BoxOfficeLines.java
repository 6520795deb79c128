package io.scenicpass.cli.kiosk;

import static io.scenicpass.cli.kiosk.SimulatedKiosk.map;

import io.scenicpass.terminal.counter.BoxOfficeDesk;
import io.scenicpass.terminal.counter.ShiftReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The box office's stdin commands of {@code scenicpass kiosk} (a BOX_OFFICE enrollment; a kiosk is refused by the
 * server with BOX_OFFICE_ONLY): sign in and open the shift, refund, close with the cash-up. Amounts typed in yuan.
 */
public final class BoxOfficeLines {
    private final BoxOfficeDesk desk;

    BoxOfficeLines(BoxOfficeDesk desk) {
        this.desk = desk;
    }

    /** {@code login CASHIER PIN [FLOAT_YUAN]}: the cashier signs in, the shift opens with the drawer's float. */
    public Map<String, Object> login(String cashierId, String pin, String floatYuan) {
        if (cashierId.isEmpty() || pin.isEmpty()) {
            throw new IllegalArgumentException("expected login <cashierId> <pin> [floatYuan]");
        }
        return report(desk.open(cashierId, pin, floatYuan.isEmpty() ? 0 : fen(floatYuan)));
    }

    /** {@code refund SALE REASON…}: refunds the sale's passes still valid, from the open shift. */
    public Map<String, Object> refund(String saleId, String reason) {
        if (saleId.isEmpty() || reason.isEmpty()) {
            throw new IllegalArgumentException("expected refund <saleId> <reason>");
        }
        BoxOfficeDesk.Refund r = desk.refund(saleId, reason, List.of(), null, null);
        Map<String, Object> m =
                map("refundId", r.refundId(), "saleId", saleId, "method", r.method(), "amountFen", r.amountFen());
        r.paymentRefundState().ifPresent(s -> m.put("paymentRefundState", s));
        m.put("saleState", r.sale().state().name());
        return m;
    }

    /** {@code close COUNTED_YUAN}: closes the shift with the counted drawer; the cash-up report. */
    public Map<String, Object> close(String countedYuan) {
        if (countedYuan.isEmpty()) {
            throw new IllegalArgumentException("expected close <countedYuan> (the cash counted in the drawer)");
        }
        return report(desk.close(fen(countedYuan)));
    }

    private static Map<String, Object> report(ShiftReport r) {
        Map<String, Object> m = map(
                "shiftId",
                r.shiftId(),
                "state",
                r.state(),
                "cashierId",
                r.cashierId(),
                "openingFloatFen",
                r.openingFloatFen(),
                "salesByMethod",
                r.salesByMethod(),
                "refundsByMethod",
                r.refundsByMethod(),
                "expectedCashFen",
                r.expectedCashFen());
        r.countedCashFen().ifPresent(c -> m.put("countedCashFen", c));
        r.differenceFen().ifPresent(d -> m.put("differenceFen", d));
        if (!r.open()) {
            m.put("mismatches", r.mismatches());
            m.put("balanced", r.balanced());
        }
        return m;
    }

    /** @param yuan an amount like 500 or 12.50 @return it in fen */
    static long fen(String yuan) {
        try {
            BigDecimal y = new BigDecimal(yuan.trim());
            if (y.signum() >= 0 && y.scale() <= 2 && y.compareTo(BigDecimal.valueOf(10_000_000)) <= 0) {
                return y.movePointRight(2).longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // the message below
        }
        throw new IllegalArgumentException("an amount in yuan is like 500 or 12.50, not " + yuan);
    }
}
