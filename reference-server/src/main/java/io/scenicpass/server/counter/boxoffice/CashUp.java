package io.scenicpass.server.counter.boxoffice;

import io.scenicpass.server.counter.boxoffice.store.ShiftStore.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cash-up of a shift, pure arithmetic over the server's records: sales and refunds by payment method, the cash
 * expected in the drawer (opening float + cash sales − cash refunds), the difference to the counted cash, and the
 * reconciliation of the device's own tally against the server's records, sale by sale.
 */
public final class CashUp {
    public static final String CASH = "CASH";

    /** How many and how much of one payment method. */
    public record Total(long count, long fen) {}

    /** Sales (or refunds) by payment method, and overall. */
    public record Totals(Map<String, Total> byMethod, long count, long fen) {}

    /** One sale (or the refunds of one sale) as the device or the server has it. */
    public record Entry(String saleId, String method, Long amountFen) {}

    /** What the device says it took and paid out in the shift (each sale once; refunds summed per sale is fine). */
    public record DeviceTally(List<Entry> sales, List<Entry> refunds) {}

    /**
     * A disagreement: {@code kind} SALE or REFUND; {@code issue} MISSING_ON_SERVER (the device has it, the server
     * not), MISSING_ON_DEVICE, or DIFFERS (method or amount); {@code device}/{@code server} as each has it.
     */
    public record Mismatch(String kind, String saleId, String issue, Entry device, Entry server) {}

    /** {@code checked}: a device tally was given; {@code mismatches} empty when it agrees with the server. */
    public record Reconciliation(boolean checked, List<Mismatch> mismatches) {}

    /**
     * The report; while the shift is open {@code countedCashFen}, {@code differenceFen} (counted − expected: negative is
     * a shortfall) and {@code closedAt} are null. {@code balanced}: no difference and no mismatch. {@code cashRefundsDue}:
     * the console's cash refunds no box office paid out yet (park-wide, when the report was made; null in old reports).
     */
    public record Report(
            String shiftId,
            String deviceId,
            String cashierId,
            String state,
            Instant openedAt,
            Instant closedAt,
            long openingFloatFen,
            Totals sales,
            Totals refunds,
            long expectedCashFen,
            Long countedCashFen,
            Long differenceFen,
            Reconciliation reconciliation,
            Boolean balanced,
            Total cashRefundsDue) {}

    private CashUp() {}

    /** Sales and refunds summed per method (methods in name order). */
    public static Totals totals(List<Money> rows) {
        Map<String, long[]> by = new TreeMap<>();
        long fen = 0;
        for (Money m : rows) {
            long[] t = by.computeIfAbsent(m.method(), k -> new long[2]);
            t[0]++;
            t[1] += m.fen();
            fen += m.fen();
        }
        Map<String, Total> out = new TreeMap<>();
        by.forEach((k, v) -> out.put(k, new Total(v[0], v[1])));
        return new Totals(out, rows.size(), fen);
    }

    /** Opening float + cash sales − cash refunds. */
    public static long expectedCash(long openingFloatFen, Totals sales, Totals refunds) {
        return openingFloatFen + cash(sales) - cash(refunds);
    }

    private static long cash(Totals t) {
        Total c = t.byMethod().get(CASH);
        return c == null ? 0 : c.fen();
    }

    /** The device's tally against the server's sales and refunds; not checked when the device sent none. */
    public static Reconciliation reconcile(DeviceTally tally, List<Money> sales, List<Money> refunds) {
        if (tally == null) {
            return new Reconciliation(false, List.of());
        }
        List<Mismatch> out = new ArrayList<>();
        compare("SALE", bySale(tally.sales() == null ? List.of() : tally.sales()), bySale(entries(sales)), out);
        compare("REFUND", bySale(tally.refunds() == null ? List.of() : tally.refunds()), bySale(entries(refunds)), out);
        return new Reconciliation(true, out);
    }

    private static List<Entry> entries(List<Money> rows) {
        return rows.stream()
                .map(m -> new Entry(m.saleId(), m.method(), m.fen()))
                .toList();
    }

    /** Entries summed per sale id (a sale refunded twice is one refund entry of the sum). */
    private static Map<String, Entry> bySale(List<Entry> entries) {
        Map<String, Entry> out = new TreeMap<>();
        for (Entry e : entries) {
            long fen = e.amountFen() == null ? 0 : e.amountFen();
            out.merge(
                    String.valueOf(e.saleId()),
                    new Entry(e.saleId(), e.method(), fen),
                    (a, b) -> new Entry(
                            a.saleId(),
                            Objects.equals(a.method(), b.method()) ? a.method() : a.method() + "+" + b.method(),
                            a.amountFen() + b.amountFen()));
        }
        return out;
    }

    private static void compare(String kind, Map<String, Entry> device, Map<String, Entry> server, List<Mismatch> out) {
        TreeSet<String> ids = new TreeSet<>(device.keySet());
        ids.addAll(server.keySet());
        for (String id : ids) {
            Entry d = device.get(id);
            Entry s = server.get(id);
            if (s == null) {
                out.add(new Mismatch(kind, id, "MISSING_ON_SERVER", d, null));
            } else if (d == null) {
                out.add(new Mismatch(kind, id, "MISSING_ON_DEVICE", null, s));
            } else if (!Objects.equals(d.method(), s.method()) || !Objects.equals(d.amountFen(), s.amountFen())) {
                out.add(new Mismatch(kind, id, "DIFFERS", d, s));
            }
        }
    }
}
