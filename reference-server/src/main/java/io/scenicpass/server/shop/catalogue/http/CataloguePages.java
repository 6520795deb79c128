package io.scenicpass.server.shop.catalogue.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.scenicpass.server.shop.ShopPages;
import io.scenicpass.server.shop.catalogue.ShopCatalogue;
import io.scenicpass.server.web.PageFrame;
import io.scenicpass.server.web.PageRefusal;
import io.scenicpass.server.web.Pages;
import io.scenicpass.server.web.WebSessions;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

/** The shop's home ({@code /shop}: products and the park's notices) and product pages ({@code /shop/products/{id}}). */
public final class CataloguePages {
    /** The home page's model: the products and the day's notices (texts in the page's language). */
    public record Home(List<ShopCatalogue.Card> products, List<String> notices) {}

    /** The product page's model: the page and the notices of its chosen day. */
    public record Product(ShopCatalogue.ProductPage p, List<String> notices) {}

    private final ShopPages pages;
    private final ShopCatalogue catalogue;
    /** The park's notices of a day in a language (crowd's {@code Notices.current(day)}; none until composed). */
    private volatile BiFunction<LocalDate, String, List<String>> notices = (day, lang) -> List.of();

    public CataloguePages(ShopPages pages, ShopCatalogue catalogue) {
        this.pages = pages;
        this.catalogue = catalogue;
    }

    /** Hook for the park's notices (crowd's {@code park.Notices}). */
    public void notices(BiFunction<LocalDate, String, List<String>> n) {
        notices = n;
    }

    public void register(RoutesConfig r) {
        r.get("/shop", this::home);
        r.get("/shop/products/{id}", this::product);
    }

    private void home(Context ctx) {
        PageFrame f = pages.frame(ctx, "home.title", "shop-book");
        List<ShopCatalogue.Card> cards = catalogue.home(f.lang());
        Pages.render(ctx, 200, "shop/home.jte", f, new Home(cards, notices.apply(null, f.lang())));
    }

    private void product(Context ctx) {
        LocalDate day = null;
        String d = ctx.queryParam("day");
        if (d != null && !d.isBlank()) {
            try {
                day = LocalDate.parse(d);
            } catch (DateTimeParseException e) {
                throw new PageRefusal(400, "BAD_REQUEST");
            }
        }
        PageFrame home = pages.frame(ctx, "home.title", "shop-book");
        ShopCatalogue.ProductPage p = catalogue.product(ctx.pathParam("id"), day, home.lang());
        PageFrame f =
                new PageFrame(ctx, pages.sessions(), WebSessions.SHOP, home.t(), p.title(), home.user(), home.nav());
        Pages.render(ctx, 200, "shop/product.jte", f, new Product(p, notices.apply(p.day(), f.lang())));
    }
}
