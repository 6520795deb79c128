package io.scenicpass.server.offers.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.offers.Offer;
import io.scenicpass.server.offers.Offers;
import io.scenicpass.server.offers.store.OfferStore;
import io.scenicpass.server.web.Pages;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /console/offers}: the offers and coupon campaigns with what they give, their state and how often they were
 * redeemed (coupons: issued) (VIEW); creating one, pausing and resuming it (OFFERS_WRITE, audited).
 */
public final class OffersPage {
    /** The page's model: the offers with their counts, the refusal of the last form (code and text) if any. */
    public record Model(List<OfferStore.Counted> offers, String errorCode, String error) {}

    private final ConsolePages pages;
    private final Offers offers;

    public OffersPage(ConsolePages pages, Offers offers) {
        this.pages = pages;
        this.offers = offers;
    }

    public void register(RoutesConfig r) {
        pages.addNav("/console/offers", "nav.offers", Right.VIEW);
        r.get("/console/offers", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, null, null);
        });
        r.post("/console/offers", this::create);
        r.post("/console/offers/pause", ctx -> activate(ctx, false));
        r.post("/console/offers/resume", ctx -> activate(ctx, true));
    }

    private void create(Context ctx) {
        Principal p = pages.requireRight(ctx, Right.OFFERS_WRITE);
        try {
            Offer o = offers.create(new Offers.Input(
                    text(ctx, "code"),
                    text(ctx, "title"),
                    text(ctx, "kind"),
                    number(ctx, "amount"),
                    text(ctx, "productId"),
                    text(ctx, "unitType"),
                    text(ctx, "segment"),
                    text(ctx, "combination") == null
                            ? null
                            : Arrays.stream(text(ctx, "combination").split("[,\\s]+"))
                                    .filter(s -> !s.isEmpty())
                                    .toList(),
                    text(ctx, "validFrom"),
                    text(ctx, "validTo"),
                    integer(ctx, "perVisitorLimit"),
                    integer(ctx, "totalLimit"),
                    text(ctx, "couponTrigger"),
                    integer(ctx, "couponDays"),
                    null));
            pages.audited(p, "console: create offer", "offerId=" + o.id(), o.kind() + " " + o.amount());
            ctx.redirect("/console/offers", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            refused(ctx, e);
        }
    }

    private void activate(Context ctx, boolean active) {
        Principal p = pages.requireRight(ctx, Right.OFFERS_WRITE);
        String id = ctx.formParam("offerId");
        try {
            offers.activate(id, active);
            pages.audited(p, "console: " + (active ? "resume" : "pause") + " offer", "offerId=" + id, null);
            ctx.redirect("/console/offers", HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            refused(ctx, e);
        }
    }

    private void refused(Context ctx, ServiceException e) {
        render(
                ctx,
                e.problem() == Problem.NOT_FOUND ? 404 : e.problem() == Problem.CONFLICT ? 409 : 400,
                e.problem().name(),
                e.getMessage());
    }

    private void render(Context ctx, int status, String code, String error) {
        Pages.render(
                ctx,
                status,
                "offers/offers.jte",
                pages.frame(ctx, "offers.title", "offers"),
                new Model(offers.list(), code, error));
    }

    private static String text(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Long number(Context ctx, String name) {
        String v = text(ctx, name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a whole number");
        }
    }

    private static Integer integer(Context ctx, String name) {
        Long v = number(ctx, name);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " is out of range");
        }
        return v == null ? null : v.intValue();
    }
}
