package io.scenicpass.server.shop.activation;

import io.javalin.config.RoutesConfig;
import io.scenicpass.server.Platform;
import io.scenicpass.server.face.FaceModule;
import io.scenicpass.server.passes.AnnualPass;
import io.scenicpass.server.passes.PassesModule;
import io.scenicpass.server.shop.ShopModule;
import io.scenicpass.server.shop.activation.http.ActivationPages;
import io.scenicpass.server.shop.checkout.CheckoutModule;
import io.scenicpass.server.shop.tickets.TicketsModule;
import io.scenicpass.server.shop.tickets.http.TicketModels.AnnualRow;
import io.scenicpass.server.web.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The shop's annual pass activation, composed over the shop, its tickets, the annual passes and the face module. */
public final class ActivationModule {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public final ShopActivation activation;
    private final ActivationPages pages;

    private ActivationModule(
            Platform p,
            ShopModule shop,
            CheckoutModule checkout,
            TicketsModule tickets,
            PassesModule passes,
            FaceModule face) {
        activation = new ShopActivation(p.db(), passes.annual, shop.orders, face.faces, face.photos, p.clock());
        pages = new ActivationPages(shop.pages, activation, passes.annual, tickets.views, checkout.travellers);
    }

    /** The module; "my tickets" lists each order's annual passes with a link to activate or show them. */
    public static ActivationModule compose(
            Platform p,
            ShopModule shop,
            CheckoutModule checkout,
            TicketsModule tickets,
            PassesModule passes,
            FaceModule face) {
        ActivationModule m = new ActivationModule(p, shop, checkout, tickets, passes, face);
        tickets.annualPasses((uuid, lang) -> {
            List<AnnualPass> all = passes.annual.ofBooking(uuid);
            return all.isEmpty()
                    ? List.of()
                    : rows(all, tickets.views.of(uuid, lang).zone(), m.activation, lang);
        });
        return m;
    }

    public void register(RoutesConfig r) {
        pages.register(r);
    }

    private static List<AnnualRow> rows(List<AnnualPass> all, ZoneId zone, ShopActivation activation, String lang) {
        Texts t = Texts.of(lang, "activation");
        List<AnnualRow> out = new ArrayList<>();
        for (AnnualPass a : all) {
            boolean open = a.state().equals(AnnualPass.SOLD);
            if (open) {
                try {
                    activation.requireActivatable(a);
                } catch (ActivationRefusal e) {
                    open = false; // past its deadline: the link shows why
                }
            }
            out.add(new AnnualRow(
                    a.id(),
                    a.state(),
                    a.state().equals(AnnualPass.SOLD)
                            ? t.get("state.SOLD") + " · "
                                    + t.get(
                                            "deadline",
                                            STAMP.format(a.activateBy().atZone(zone)))
                            : t.get("state." + a.state()),
                    "/shop/annual-passes/" + a.id(),
                    t.get(open ? "order.annual.activate" : "order.annual.show")));
        }
        return out;
    }
}
