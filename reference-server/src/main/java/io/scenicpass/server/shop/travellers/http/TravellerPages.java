package io.scenicpass.server.shop.travellers.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.core.DocumentType;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.identity.IdentityInput;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.account.ShopVisitor;
import io.scenicpass.server.shop.checkout.http.ShopErrors;
import io.scenicpass.server.shop.travellers.Travellers;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.Pages;
import java.util.List;
import java.util.Optional;

/**
 * {@code /shop/travellers}: the signed-in visitor's saved real-name visitors (masked), a form to add one (checked as a
 * booking's document is; a refusal is shown in the visitor's language with what was typed, never the number echoed
 * back into a log) and a delete button each.
 */
public final class TravellerPages {
    /** The page's model: the travellers, the form's values (number never re-shown), the error and its text. */
    public record Model(
            List<Travellers.Traveller> travellers,
            List<String> types,
            String type,
            String name,
            String country,
            String errorCode,
            String errorText,
            String next) {}

    private final ShopPages pages;
    private final Travellers travellers;

    public TravellerPages(ShopPages pages, Travellers travellers) {
        this.pages = pages;
        this.travellers = travellers;
    }

    public void register(RoutesConfig r) {
        r.get("/shop/travellers", this::list);
        r.post("/shop/travellers", this::add);
        r.post("/shop/travellers/{id}/delete", this::delete);
    }

    private void list(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            render(ctx, 200, v.get(), "CN_ID", "", "", null, null, ShopPages.safeNext(ctx.queryParam("next")));
        }
    }

    private void add(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isEmpty()) {
            return;
        }
        String type = ctx.formParam("type");
        String name = ctx.formParam("name");
        String country = ctx.formParam("country");
        String next = ShopPages.safeNext(ctx.formParam("next"));
        try {
            travellers.add(
                    v.get().id(),
                    new IdentityInput(
                            type,
                            ctx.formParam("number"),
                            name,
                            country == null || country.isBlank() ? null : country));
        } catch (ServiceException e) {
            ShopErrors err = ShopErrors.of(e);
            String code = err.code().equals("BAD_REQUEST") ? "TRAVELLER_INVALID" : err.code();
            render(ctx, err.status(), v.get(), type, name, country, code, null, next);
            return;
        }
        ctx.redirect(next.equals("/shop") ? "/shop/travellers" : next, HttpStatus.SEE_OTHER);
    }

    private void delete(Context ctx) {
        Optional<ShopVisitor> v = pages.requireVisitor(ctx);
        if (v.isPresent()) {
            travellers.delete(v.get().id(), ctx.pathParam("id"));
            ctx.redirect("/shop/travellers", HttpStatus.SEE_OTHER);
        }
    }

    private void render(
            Context ctx,
            int status,
            ShopVisitor v,
            String type,
            String name,
            String country,
            String code,
            String text,
            String next) {
        PageFrame f = pages.frame(ctx, "travellers.title", "shop-book");
        List<String> types =
                List.of(DocumentType.values()).stream().map(Enum::name).toList();
        Pages.render(
                ctx,
                status,
                "shop/travellers.jte",
                f,
                new Model(
                        travellers.list(v.id()),
                        types,
                        type == null ? "CN_ID" : type,
                        name == null ? "" : name,
                        country == null ? "" : country,
                        code,
                        code == null ? null : f.t().get(code),
                        next));
    }
}
