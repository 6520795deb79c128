package io.scenicpass.server.console.pages;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.reports.Export;
import io.scenicpass.server.sales.PassCancellation;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.web.Pages;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /console/bookings}: bookings found by reference (uuid, supplier or reseller reference) or by visit day and
 * channel (VIEW); {@code POST /console/bookings/cancel} cancels a sold booking for the operator with a reason, also
 * after the channel's cancellation cutoff (BOOKINGS_REFUND, audited): its passes are revoked, so gates refuse them,
 * and the refund is in the reports and the channel's settlement. Used passes and past slots are refused with why.
 */
public final class BookingsPage {
    /** Channels whose bookings the park's own payments paid: cancelled only with their refund, never here. */
    static final java.util.Set<String> OWN_PAYMENTS = java.util.Set.of(
            io.scenicpass.server.shop.checkout.ShopChannel.ID, io.scenicpass.server.counter.CounterChannel.ID);

    /** Most bookings one search shows. */
    static final int LIMIT = 200;

    public record Row(
            String uuid,
            String supplierReference,
            String resellerReference,
            String channelId,
            String productId,
            String date,
            String status,
            int quantity,
            String retail,
            String cancelReason) {}

    public record Model(
            String ref,
            String date,
            String channel,
            List<String> channels,
            List<Row> rows,
            String done,
            String errorCode,
            String error) {}

    private final ConsolePages pages;
    private final Database db;
    private final BookingStore bookings;
    private final ChannelService channels;
    private final PassCancellation cancellation;
    private final Clock clock;

    BookingsPage(ConsolePages pages, Database db, ChannelService channels, PassCancellation cancellation, Clock clock) {
        this.pages = pages;
        this.db = db;
        this.bookings = new BookingStore(db.dialect());
        this.channels = channels;
        this.cancellation = cancellation;
        this.clock = clock;
    }

    void register(RoutesConfig r) {
        r.get("/console/bookings", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(
                    ctx,
                    200,
                    value(ctx.queryParam("ref")),
                    value(ctx.queryParam("date")),
                    value(ctx.queryParam("channel")),
                    value(ctx.queryParam("done")),
                    null,
                    null);
        });
        r.post("/console/bookings/cancel", this::cancel);
    }

    private void cancel(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.BOOKINGS_REFUND);
        String uuid = value(ctx.formParam("uuid"));
        String reason = value(ctx.formParam("reason"));
        try {
            if (reason.isEmpty() || reason.length() > 500) {
                throw new ServiceException(Problem.BAD_REQUEST, "give the reason (1-500 characters)");
            }
            Booking b = db.read(c -> bookings.find(c, uuid))
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no booking " + uuid, uuid));
            if (OWN_PAYMENTS.contains(b.channelId())) { // a cancel here would keep the visitor's money
                throw new ServiceException(
                        Problem.CONFLICT,
                        "booking " + uuid + " was paid through the park: refund it on its refund page (shop) or on"
                                + " the counter refunds page (counter)",
                        uuid);
            }
            Channel ch = channels.find(b.channelId()).orElseThrow();
            PassCancellation.Cancelled done =
                    db.tx(c -> cancellation.cancel(c, ch, uuid, null, reason, clock.instant()));
            cancellation.changed(done);
            pages.audited(
                    p,
                    "console: cancel booking",
                    "bookingId=" + uuid,
                    "passes=" + done.passIds().size() + ", retail=" + Export.yuan(done.retailFen()));
            ctx.redirect("/console/bookings?ref=" + uuid + "&done=" + uuid, io.javalin.http.HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            int status = e.problem() == Problem.NOT_FOUND ? 404 : e.problem() == Problem.BAD_REQUEST ? 400 : 409;
            render(ctx, status, uuid, "", "", null, e.problem().name(), e.getMessage());
        }
    }

    private void render(
            Context ctx, int status, String ref, String date, String channel, String done, String code, String error) {
        List<String> ids = channels.list().stream().map(Channel::id).toList();
        Map<String, Booking> found = new LinkedHashMap<>();
        if (!ref.isEmpty()) {
            db.read(c -> {
                bookings.find(c, ref).ifPresent(b -> found.put(b.uuid(), b));
                for (String ch : ids) {
                    bookings.list(c, ch, ref, null, null, null, LIMIT).forEach(b -> found.put(b.uuid(), b));
                    bookings.list(c, ch, null, ref, null, null, LIMIT).forEach(b -> found.put(b.uuid(), b));
                }
                return null;
            });
        } else if (!date.isEmpty()) {
            LocalDate d = day(date);
            db.read(c -> {
                for (String ch : channel.isEmpty() ? ids : List.of(channel)) {
                    bookings.list(c, ch, null, null, d, d, LIMIT).forEach(b -> found.put(b.uuid(), b));
                }
                return null;
            });
        }
        List<Row> rows = new ArrayList<>();
        for (Booking b : found.values()) {
            rows.add(new Row(
                    b.uuid(),
                    b.supplierReference(),
                    b.resellerReference() == null ? "" : b.resellerReference(),
                    b.channelId(),
                    b.productId(),
                    b.localDate().toString(),
                    b.status().name(),
                    b.quantity(),
                    Export.yuan(b.totalRetail()).toPlainString(),
                    b.cancelReason() == null ? "" : b.cancelReason()));
        }
        Pages.render(
                ctx,
                status,
                "console/pages/bookings.jte",
                pages.frame(ctx, "bookings.title", PagesModule.TEXTS),
                new Model(ref, date, channel, ids, rows, done, code, error));
    }

    private static LocalDate day(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "the date must be YYYY-MM-DD");
        }
    }

    private static String value(String s) {
        return s == null ? "" : s.trim();
    }
}
