package io.scenicpass.server.shop.activation.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.face.FacePhotos;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.AnnualPasses;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.shop.activation.ActivationRefusal;
import io.scenicpass.server.shop.activation.ShopActivation;
import io.scenicpass.server.shop.tickets.OrderViews;
import io.scenicpass.server.shop.travellers.Travellers;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The activation page {@code /shop/annual-passes/{id}} of the pass's buyer: a SOLD pass shows its deadline and the
 * form (holder's document or a saved traveller, photo, consent), posted as multipart with the CSRF field to {@code
 * .../activate}; an activated one its QR ({@code .../qr.png}) and validity. Another visitor's pass is a typed 403,
 * every refusal a typed page in the visitor's language; a broken upload is a missing photo, never a 500.
 */
public final class ActivationPages {
    static final String BUNDLE = "activation";
    private static final int QR_PX = 480;

    private final ShopPages shop;
    private final ShopActivation activation;
    private final AnnualPasses annual;
    private final OrderViews orders;
    private final Travellers travellers;

    public ActivationPages(
            ShopPages shop, ShopActivation activation, AnnualPasses annual, OrderViews orders, Travellers travellers) {
        this.shop = shop;
        this.activation = activation;
        this.annual = annual;
        this.orders = orders;
        this.travellers = travellers;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/annual-passes/{id}", ctx -> guarded(ctx, v -> show(ctx, v, null)));
        r.post("/shop/annual-passes/{id}/activate", ctx -> guarded(ctx, v -> activate(ctx, v)));
        r.get("/shop/annual-passes/{id}/qr.png", ctx -> guarded(ctx, v -> qr(ctx, v)));
    }

    private void show(Context ctx, ShopVisitor v, ActivationRefusal refused) {
        AnnualPass p = activation.owned(v.id(), id(ctx));
        PageFrame f = shop.frame(ctx, "title.activation", BUNDLE, "shop-book");
        ActivationRefusal closed = null;
        try {
            activation.requireActivatable(p);
        } catch (ActivationRefusal e) {
            closed = e; // shown instead of the form
        }
        ActivationModels.Page m = ActivationModels.page(
                f.t(),
                p,
                orders.of(p.bookingUuid(), shop.lang(ctx)),
                closed == null ? travellers.list(v.id()) : List.of(),
                ctx.queryParam("done"),
                refused != null ? refused : p.state().equals(AnnualPass.SOLD) ? closed : null,
                closed == null);
        Pages.render(ctx, refused == null ? 200 : refused.status(), "shop/activation/pass.jte", f, m);
    }

    private void activate(Context ctx, ShopVisitor v) {
        AnnualPass p = activation.owned(v.id(), id(ctx)); // 403/404 before the upload is looked at
        Map<String, List<String>> form = form(ctx);
        String lang = shop.lang(ctx);
        try {
            activation.activate(
                    v.id(),
                    p.id(),
                    new ShopActivation.Request(
                            holder(v, form),
                            photo(ctx),
                            "yes".equals(field(form, "consent")),
                            shop.frame(ctx, "title.activation", BUNDLE, "shop-book")
                                    .t()
                                    .get("consent.statement"),
                            lang));
        } catch (ActivationRefusal e) {
            if (e.status() != 422) {
                throw e;
            }
            show(ctx, v, e);
            return;
        }
        ctx.redirect("/shop/annual-passes/" + p.id() + "?done=activated", HttpStatus.SEE_OTHER);
    }

    private void qr(Context ctx, ShopVisitor v) {
        AnnualPass p = activation.owned(v.id(), id(ctx));
        String text = p.state().equals(AnnualPass.REFUNDED) ? null : annual.passText(p);
        if (text == null) {
            throw ActivationRefusal.notFound();
        }
        ctx.header("Cache-Control", "private, no-cache")
                .contentType("image/png")
                .result(IssuanceService.qrPng(text, QR_PX));
    }

    /** The holder: a saved traveller of the visitor's, or the document typed in (null when neither is given). */
    private IdentityInput holder(ShopVisitor v, Map<String, List<String>> form) {
        String traveller = field(form, "traveller");
        if (traveller != null && !traveller.isBlank()) {
            try {
                return travellers.identity(v.id(), traveller);
            } catch (ServiceException e) {
                return null; // not one of theirs: as if none was chosen
            }
        }
        String number = field(form, "number");
        if (number == null || number.isBlank()) {
            return null;
        }
        return new IdentityInput(field(form, "type"), number.strip(), strip(field(form, "name")), null);
    }

    /** The uploaded photo's bytes (at most one byte over the limit is read); null when none or the upload broke. */
    private static byte[] photo(Context ctx) {
        UploadedFile file;
        try {
            file = ctx.uploadedFile("photo");
        } catch (Exception e) { // a broken multipart body (a ServletException thrown unchecked)
            return null;
        }
        if (file == null) {
            return null;
        }
        try (InputStream in = file.content()) {
            return in.readNBytes(FacePhotos.MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Runs {@code page} for the signed-in visitor; refusals of the pass itself (403, 404) as typed error pages. */
    private void guarded(Context ctx, Page page) {
        Optional<ShopVisitor> v = shop.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        try {
            page.show(v.get());
        } catch (ActivationRefusal e) {
            PageFrame f = shop.frame(ctx, "title.activation", BUNDLE, "shop-book");
            Pages.error(ctx, f, e.status(), e.code(), f.t().get(e.code()));
        }
    }

    private interface Page {
        void show(ShopVisitor v);
    }

    private static String id(Context ctx) {
        return ctx.pathParam("id");
    }

    /** The posted fields; a body that is no form (a broken multipart) counts as empty. */
    private static Map<String, List<String>> form(Context ctx) {
        try {
            return ctx.formParamMap();
        } catch (Exception e) { // a ServletException thrown unchecked
            return Map.of();
        }
    }

    private static String field(Map<String, List<String>> form, String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
