package io.scenicpass.server.shop.tickets.http;

import io.scenicpass.server.sales.InventoryService.SlotView;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.tickets.OrderViews.OrderView;
import io.scenicpass.server.shop.tickets.OrderViews.PassView;
import io.scenicpass.server.shop.tickets.TicketRefusal;
import io.scenicpass.server.shop.tickets.store.ShopRefundStore.RefundRow;
import io.scenicpass.server.web.Texts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the "My tickets" templates show, formatted in the visitor's language and the park's time zone. */
public final class TicketModels {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** One order in the list. */
    public record Row(String ref, String title, String when, String status, String statusText, int passes) {}

    /** The list: upcoming orders, then past and refunded ones. */
    public record ListModel(List<Row> upcoming, List<Row> past, String offlineNote) {}

    /** One valid pass: its QR image, unit, masked holder, and for a real-name pass the ID-card entry explained. */
    public record PassRow(String passId, String qrSrc, String alt, String unit, String holder, String documentText) {}

    /**
     * One order: when, state, passes, what may still be done ({@code changeable}, until {@code cutoffText}), its
     * refunds, the note an offline copy shows ({@code offlineNote}, hidden online) and what was just done.
     */
    public record OrderModel(
            String ref,
            String title,
            String when,
            String status,
            String statusText,
            String total,
            String reference,
            List<PassRow> passes,
            boolean changeable,
            String cutoffText,
            List<String> refunds,
            String offlineNote,
            String doneText,
            List<AnnualRow> annual) {}

    /** An annual pass of the order: its state and what to do (activate it, or show it), texts ready. */
    public record AnnualRow(String id, String state, String text, String href, String action) {}

    /** A time the order may move to. */
    public record SlotRow(String availabilityId, String label) {}

    /** The refund or change form: the order, its passes, the refusal shown (or null), the day's slots (change). */
    public record FormModel(
            String ref,
            String title,
            String when,
            List<PassRow> passes,
            String errorCode,
            String errorText,
            String day,
            List<SlotRow> slots) {}

    private TicketModels() {}

    static ListModel list(Texts t, List<OrderView> all, Instant now) {
        List<Row> upcoming = new ArrayList<>();
        List<Row> past = new ArrayList<>();
        for (OrderView o : all) {
            Row r = new Row(
                    o.uuid().substring(ShopCheckout.bookingUuid("").length()),
                    o.productTitle(),
                    when(t, o),
                    o.status(),
                    t.get("order.status." + o.status()),
                    o.passes().size());
            (o.upcoming(now) && !o.status().equals("CANCELLED") ? upcoming : past).add(r);
        }
        ZoneId zone = all.isEmpty() ? ZoneId.of("Asia/Shanghai") : all.get(0).zone();
        return new ListModel(upcoming, past, t.get("offline.note", stamp(now, zone)));
    }

    static OrderModel order(Texts t, OrderView o, String ref, String done, Instant now, List<AnnualRow> annual) {
        List<String> refunds = new ArrayList<>();
        for (RefundRow r : o.refunds()) {
            refunds.add(t.get(
                    "order.refund.line",
                    money(r.amountFen(), o.currency()),
                    r.passIds().size(),
                    t.get("refund.state." + r.state())));
        }
        String cutoff = stamp(o.cutoffAt(), o.zone());
        String doneText = "refund".equals(done)
                ? t.get("refund.done", money(refunded(o), o.currency()))
                : "change".equals(done) ? t.get("change.done", when(t, o)) : null;
        return new OrderModel(
                ref,
                o.productTitle(),
                when(t, o),
                o.status(),
                t.get("order.status." + o.status()),
                t.get("order.total", money(o.totalFen(), o.currency())),
                t.get("order.reference", o.reference()),
                passes(t, o, ref),
                o.changeable(),
                o.changeable() || !o.status().equals("CONFIRMED")
                        ? t.get("order.cutoff", cutoff)
                        : t.get("order.cutoff.passed", cutoff),
                refunds,
                t.get("offline.note", stamp(now, o.zone())),
                doneText,
                annual);
    }

    static FormModel form(
            Texts t, OrderView o, String ref, TicketRefusal refused, List<SlotView> slots, LocalDate day) {
        List<SlotRow> rows = new ArrayList<>();
        for (SlotView s : slots) {
            if (s.vacancies() > 0) {
                rows.add(new SlotRow(
                        s.slot().localStart(),
                        t.get(
                                "change.slot",
                                HM.format(s.slot().startAt().atZone(o.zone())),
                                HM.format(s.slot().endAt().atZone(o.zone())),
                                s.vacancies())));
            }
        }
        return new FormModel(
                ref,
                o.productTitle(),
                when(t, o),
                passes(t, o, ref),
                refused == null ? null : refused.code().name(),
                refused == null ? null : t.get(refused.code().name(), refused.detail()),
                day == null ? null : DAY.format(day),
                rows);
    }

    private static List<PassRow> passes(Texts t, OrderView o, String ref) {
        List<PassRow> out = new ArrayList<>();
        for (PassView p : o.passes()) {
            out.add(new PassRow(
                    p.passId(),
                    "/shop/orders/" + ref + "/passes/" + p.passId() + "/qr.png",
                    t.get("pass.qr", p.unitName()),
                    p.unitName(),
                    p.holder() == null ? null : t.get("pass.holder", p.holder()),
                    p.documentEntry() ? t.get("pass.document", p.holder()) : null));
        }
        return out;
    }

    private static long refunded(OrderView o) {
        return o.refunds().stream().mapToLong(RefundRow::amountFen).sum();
    }

    private static String when(Texts t, OrderView o) {
        return t.get(
                "order.when",
                DAY.format(o.date()),
                HM.format(o.start().atZone(o.zone())),
                HM.format(o.end().atZone(o.zone())));
    }

    private static String stamp(Instant i, ZoneId zone) {
        return STAMP.format(i.atZone(zone));
    }

    /** ¥150.00 for CNY, else {@code 150.00 USD}. */
    static String money(long fen, String currency) {
        String amount = String.format(Locale.ROOT, "%d.%02d", fen / 100, Math.abs(fen % 100));
        return "CNY".equals(currency) ? "¥" + amount : amount + " " + currency;
    }
}
