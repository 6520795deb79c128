package io.scenicpass.terminal.counter;

import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketLayout.Style;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The paper of a paid sale: one ticket per pass (header, product, unit, slot, masked holder, the pass as QR, cut),
 * one slip per partner voucher of a package (item, day, places, its code as QR) and a receipt (booking code, one line per ticket, total, payment method, the invoice QR when offered). Bilingual
 * labels (zh / en) as the kiosk's screen. Immutable and thread-safe.
 */
public final class SaleTickets {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final String header;
    private final ZoneId zone;

    /**
     * @param header the first line of every ticket (the park's name)
     * @param zone the park's time zone, for slot times
     */
    public SaleTickets(String header, ZoneId zone) {
        this.header = Objects.requireNonNull(header, "header");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** @param sale a paid sale @return its tickets, then its receipt */
    public List<TicketLayout> all(Sale sale) {
        List<TicketLayout> out = new ArrayList<>(sale.tickets().size() + 1);
        for (Ticket t : sale.tickets()) {
            out.add(ticket(sale, t));
        }
        for (Voucher v : sale.vouchers()) {
            out.add(voucher(sale, v));
        }
        out.add(receipt(sale));
        return out;
    }

    /** @param sale a paid package sale @param v one of its partner vouchers @return the voucher's slip (code as QR) */
    public TicketLayout voucher(Sale sale, Voucher v) {
        TicketLayout.Builder b = TicketLayout.builder()
                .line(header, Style.BOLD, Style.CENTRED)
                .line("套票凭证 Package voucher", Style.CENTRED)
                .line("项目 Item: " + v.item(), Style.BOLD);
        if (v.day() != null) {
            b.line("日期 Day: " + v.day());
        }
        return b.line("人数 Places: " + v.places())
                .line("订单 Booking: " + nullToDash(sale.bookingCode()))
                .qr(v.code())
                .line(v.code(), Style.CENTRED)
                .feed(2)
                .build();
    }

    /** @param sale the sale @param t one of its tickets @return the ticket's layout */
    public TicketLayout ticket(Sale sale, Ticket t) {
        return ticket(sale.bookingCode(), t);
    }

    /** @param bookingCode the booking's code (a sale's, or a picked-up booking's) @param t a ticket @return its layout */
    public TicketLayout ticket(String bookingCode, Ticket t) {
        TicketLayout.Builder b = TicketLayout.builder()
                .line(header, Style.LARGE, Style.BOLD, Style.CENTRED)
                .line(t.productName(), Style.BOLD, Style.CENTRED)
                .line("票种 Ticket: " + t.unitName());
        t.slotStart().ifPresent(s -> b.line("入园 Entry: " + when(s)));
        t.holder().ifPresent(h -> b.line("持票人 Holder: " + h));
        b.line("订单 Booking: " + nullToDash(bookingCode))
                .qr(t.qrText())
                .line(t.passId(), Style.CENTRED)
                .feed(2);
        return b.build();
    }

    /** @param sale a paid sale @return its receipt's layout */
    public TicketLayout receipt(Sale sale) {
        TicketLayout.Builder b = TicketLayout.builder()
                .line(header, Style.BOLD, Style.CENTRED)
                .line("收据 Receipt", Style.CENTRED)
                .line("订单 Booking: " + nullToDash(sale.bookingCode()));
        for (Ticket t : sale.tickets()) {
            b.line(t.productName() + " · " + t.unitName());
        }
        b.line("合计 Total: " + money(sale.amountFen(), sale.currency()), Style.BOLD);
        sale.payment().ifPresent(p -> b.line("支付 Paid by: " + p.method().name()));
        b.line("编号 Sale: " + sale.saleId());
        sale.invoiceUrl()
                .ifPresent(url ->
                        b.line("扫码开发票 Scan for an invoice", Style.CENTRED).qr(url));
        return b.feed(2).build();
    }

    /** @param fen an amount in fen @param currency its currency @return e.g. {@code CNY 120.00} */
    public static String money(long fen, String currency) {
        long abs = Math.abs(fen);
        return String.format(Locale.ROOT, "%s %s%d.%02d", currency, fen < 0 ? "-" : "", abs / 100, abs % 100);
    }

    private String when(Instant at) {
        return WHEN.format(at.atZone(zone));
    }

    private static String nullToDash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
