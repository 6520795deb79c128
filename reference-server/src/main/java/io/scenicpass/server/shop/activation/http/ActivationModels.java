package io.scenicpass.server.shop.activation.http;

import io.scenicpass.core.DocumentType;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.shop.activation.ActivationRefusal;
import io.scenicpass.server.shop.checkout.ShopCheckout;
import io.scenicpass.server.shop.tickets.OrderViews.OrderView;
import io.scenicpass.server.shop.travellers.Travellers.Traveller;
import io.scenicpass.server.web.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** What the activation page shows, in the visitor's language and the product's time zone. */
public final class ActivationModels {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A choice of a select (a saved traveller, a document type). */
    public record Option(String value, String label) {}

    /**
     * The page: the pass ({@code state}, its text), the form when {@code activatable}, the QR and validity once
     * activated, the refusal shown ({@code errorCode}: its {@code data-code}) and what was just done.
     */
    public record Page(
            String id,
            String title,
            String orderHref,
            String state,
            String stateText,
            boolean activatable,
            String deadlineText,
            String qrSrc,
            String qrAlt,
            String validText,
            String holder,
            String doneText,
            String errorCode,
            String errorText,
            List<Option> travellers,
            List<Option> types) {}

    private ActivationModels() {}

    static Page page(
            Texts t,
            AnnualPass p,
            OrderView o,
            List<Traveller> travellers,
            String done,
            ActivationRefusal refused,
            boolean activatable) {
        ZoneId zone = o.zone();
        boolean shown = !p.state().equals(AnnualPass.REFUNDED);
        List<Option> saved = new ArrayList<>();
        for (Traveller x : travellers) {
            saved.add(new Option(x.id(), x.name() + " " + x.number()));
        }
        List<Option> types = new ArrayList<>();
        for (DocumentType d : DocumentType.values()) {
            types.add(new Option(d.name(), t.get("doc." + d.name())));
        }
        return new Page(
                p.id(),
                o.productTitle(),
                "/shop/orders/"
                        + o.uuid().substring(ShopCheckout.bookingUuid("").length()),
                p.state(),
                t.get("state." + p.state()),
                activatable,
                t.get("deadline", stamp(p.activateBy(), zone)),
                shown ? "/shop/annual-passes/" + p.id() + "/qr.png" : null,
                t.get("qr.alt", o.productTitle()),
                p.validFrom() == null
                        ? null
                        : t.get("valid", DAY.format(p.validFrom().atZone(zone)), lastDay(p.validUntil(), zone)),
                p.holderMasked(),
                "activated".equals(done) ? t.get("done.activated") : null,
                refused == null ? null : refused.code(),
                refused == null ? null : t.get(refused.code()),
                saved,
                types);
    }

    /** The last day of validity: the day before the (exclusive) end at midnight. */
    private static String lastDay(Instant until, ZoneId zone) {
        return DAY.format(until.atZone(zone).minusNanos(1));
    }

    private static String stamp(Instant i, ZoneId zone) {
        return STAMP.format(i.atZone(zone));
    }
}
