package io.scenicpass.server.console.catalogue;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.console.RouteRights;
import io.scenicpass.server.console.desk.Forms;
import io.scenicpass.server.identity.IdentityPolicies;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.passes.PassProducts;
import io.scenicpass.server.passes.PassTerms;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.IssuanceService;
import io.scenicpass.server.sales.OnlineClaimPolicy;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/catalogue/products/{id}} (VIEW): one product, active or not, with its options and units, the price
 * grid per unit × channel (the default "*" and each channel's own), the real-name policy and each unit's
 * real-name/concession rule, the active and online-claim switches and the pass terms. Each form posts to
 * {@code …/{id}/<form>} and needs the right of the admin route doing the same change; changes are audited, refusals
 * shown on the page with their code (the form's fields as the operator typed them are in the page again).
 */
public final class ProductPage {
    /** One cell of the price grid: the channel's price as it applies (own: set for that channel, else the default). */
    public record Cell(String channelId, String retail, String net, boolean own) {}

    /** One unit with its rule and its row of the price grid. */
    public record UnitRow(
            String unitId,
            String option,
            String type,
            String name,
            boolean concession,
            boolean idRequired,
            Integer minAge,
            Integer maxAge,
            List<Cell> cells) {}

    /** The page: the product, the grid's channels ("*" first), its units, settings, and what was done or refused. */
    public record Model(
            Product product,
            List<String> channels,
            List<UnitRow> units,
            Policy policy,
            boolean onlineClaim,
            PassTerms terms,
            String refundFee,
            String done,
            String errorCode,
            String error,
            String errorForm) {
        /** A whole-number field of the pass terms as shown in its input ("" without terms). */
        public String term(String field) {
            if (terms == null) {
                return "";
            }
            Integer v = switch (field) {
                case "entriesAllowed" -> terms.entriesAllowed();
                case "entriesPerDay" -> terms.entriesPerDay();
                case "daysAllowed" -> terms.daysAllowed();
                case "windowDays" -> terms.windowDays();
                case "validityMonths" -> terms.validityMonths();
                default -> terms.activationDays();
            };
            return v == null ? "" : String.valueOf(v);
        }
    }

    /** A change of one form: done with the product's id, it answers the audit log's summary. */
    @FunctionalInterface
    interface Change {
        String apply(Context ctx, String productId);
    }

    private final ConsolePages pages;
    private final CatalogueService catalogue;
    private final IdentityPolicies policies;
    private final OnlineClaimPolicy onlineClaims;
    private final PassProducts passTerms;
    private final ChannelService channels;

    ProductPage(
            ConsolePages pages,
            CatalogueService catalogue,
            IdentityPolicies policies,
            OnlineClaimPolicy onlineClaims,
            PassProducts passTerms,
            ChannelService channels) {
        this.pages = pages;
        this.catalogue = catalogue;
        this.policies = policies;
        this.onlineClaims = onlineClaims;
        this.passTerms = passTerms;
        this.channels = channels;
    }

    void register(RoutesConfig r) {
        String p = "/console/catalogue/products/{id}";
        r.get(p, ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, ctx.pathParam("id"), ctx.queryParam("done"), null, null);
        });
        r.post(p + "/price", ctx -> change(ctx, "PUT /admin/v1/prices", "price", this::price));
        r.post(p + "/price/clear", ctx -> change(ctx, "DELETE /admin/v1/prices/{}/{}", "clear", this::clear));
        r.post(
                p + "/real-name",
                ctx -> change(ctx, "PUT /admin/v1/identity/products/{}/policy", "realName", this::realName));
        r.post(p + "/unit-rule", ctx -> change(ctx, "PUT /admin/v1/products/{}/units/{}/rule", "unitRule", this::rule));
        r.post(
                p + "/active",
                ctx -> change(ctx, "PUT /admin/v1/products/{}/active", "active", (c, id) -> {
                    boolean on = Fields.bool(c, "active");
                    catalogue.setActive(id, on);
                    return "active=" + on;
                }));
        r.post(
                p + "/online-claim",
                ctx -> change(ctx, "PUT /admin/v1/products/{}/online-claim", "onlineClaim", (c, id) -> {
                    boolean on = Fields.bool(c, "onlineClaim");
                    onlineClaims.set(id, on);
                    return "onlineClaim=" + on;
                }));
        r.post(p + "/pass-terms", ctx -> change(ctx, "PUT /admin/v1/products/{}/pass-terms", "passTerms", this::terms));
    }

    /** Runs one form's change with the right its admin route needs: audited, then back to the page (303). */
    private void change(Context ctx, String route, String form, Change change) {
        Principal who = pages.requireRight(ctx, RouteRights.of(route));
        String id = ctx.pathParam("id");
        try {
            catalogue.anyState(id); // an unknown product is a 404 of its own
            String summary = change.apply(ctx, id);
            pages.audited(who, "console: product " + form, "productId=" + id, summary);
            ctx.redirect(
                    "/console/catalogue/products/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?done=" + form
                            + "#" + form,
                    HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            render(ctx, Forms.status(e), id, null, e, form);
        }
    }

    private String price(Context ctx, String productId) {
        String unitId = unit(productId, Forms.text(ctx, "unitId")).id();
        String channelId = channel(Forms.text(ctx, "channelId"));
        long retail = Fields.yuan(ctx, "retail");
        long net = Fields.yuanOr(ctx, "net", retail);
        catalogue.setPrice(unitId, channelId, retail, net);
        return "unitId=" + unitId + " channelId=" + channelId + " retail=" + retail + " net=" + net;
    }

    private String clear(Context ctx, String productId) {
        String unitId = unit(productId, Forms.text(ctx, "unitId")).id();
        String channelId = channel(Forms.text(ctx, "channelId"));
        catalogue.clearPrice(unitId, channelId);
        return "unitId=" + unitId + " channelId=" + channelId + " cleared (default applies)";
    }

    private String realName(Context ctx, String productId) {
        String scope = ctx.formParam("limitScope");
        Policy p = policies.put(new Policy(
                productId,
                Forms.text(ctx, "realName"),
                Fields.optionalNumber(ctx, "dailyLimit"),
                scope == null || scope.isBlank() ? "PRODUCT" : scope));
        return "realName=" + p.realName() + " dailyLimit=" + p.dailyLimit() + " limitScope=" + p.limitScope();
    }

    private String rule(Context ctx, String productId) {
        Unit u = catalogue.setUnitRule(
                productId,
                Forms.text(ctx, "unitId"),
                Fields.ticked(ctx, "idRequired"),
                Fields.optionalNumber(ctx, "minAge"),
                Fields.optionalNumber(ctx, "maxAge"));
        return "unitId=" + u.id() + " idRequired=" + u.idRequired() + " minAge=" + u.minAge() + " maxAge=" + u.maxAge();
    }

    private String terms(Context ctx, String productId) {
        String fee = ctx.formParam("refundFee");
        PassTerms t = passTerms.put(
                productId,
                new PassTerms(
                        Forms.text(ctx, "reentry"),
                        Fields.optionalNumber(ctx, "entriesAllowed"),
                        Fields.optionalNumber(ctx, "entriesPerDay"),
                        Fields.optionalNumber(ctx, "daysAllowed"),
                        Fields.optionalNumber(ctx, "windowDays"),
                        Fields.optionalNumber(ctx, "validityMonths"),
                        Fields.optionalNumber(ctx, "activationDays"),
                        fee == null || fee.isBlank() ? null : Fields.yuan(ctx, "refundFee")));
        return t.toString().replace("PassTerms", "");
    }

    /** The unit {@code unitId} of the product, or NOT_FOUND. */
    private Unit unit(String productId, String unitId) {
        for (CatalogueService.OptionView o : catalogue.anyState(productId).options()) {
            Unit u = o.unit(unitId);
            if (u != null) {
                return u;
            }
        }
        throw new ServiceException(Problem.NOT_FOUND, "no such unit of the product", unitId);
    }

    /** "*" (the default) or a known channel, else NOT_FOUND. */
    private String channel(String channelId) {
        if (!channelId.equals(Price.ANY_CHANNEL) && channels.find(channelId).isEmpty()) {
            throw new ServiceException(Problem.NOT_FOUND, "no such channel", channelId);
        }
        return channelId;
    }

    private void render(Context ctx, int status, String id, String done, ServiceException e, String form) {
        CatalogueService.ProductView pv = catalogue.anyState(id);
        List<String> grid = new ArrayList<>();
        grid.add(Price.ANY_CHANNEL);
        channels.list().stream().map(Channel::id).forEach(grid::add);
        List<UnitRow> units = new ArrayList<>();
        for (CatalogueService.OptionView ov : pv.options()) {
            List<Price> prices = catalogue.allPrices(ov.option().id());
            for (Unit u : ov.units()) {
                Price fallback = find(prices, u.id(), Price.ANY_CHANNEL);
                List<Cell> cells = new ArrayList<>();
                for (String ch : grid) {
                    Price own = find(prices, u.id(), ch);
                    Price shown = own != null ? own : fallback;
                    cells.add(new Cell(
                            ch,
                            shown == null ? "" : Fields.shown(shown.retail()),
                            shown == null ? "" : Fields.shown(shown.net()),
                            own != null));
                }
                units.add(new UnitRow(
                        u.id(),
                        ov.option().internalName(),
                        u.type(),
                        u.internalName(),
                        IssuanceService.concession(u),
                        u.idRequired(),
                        u.minAge(),
                        u.maxAge(),
                        cells));
            }
        }
        PassTerms terms = passTerms.find(id).orElse(null);
        Pages.render(
                ctx,
                status,
                "console/catalogue/product.jte",
                pages.frame(ctx, "products.title", ProductsModule.TEXTS),
                new Model(
                        pv.product(),
                        grid,
                        units,
                        policies.get(id),
                        onlineClaims.get(id),
                        terms,
                        terms == null ? "" : Fields.shown(terms.refundFee()),
                        done,
                        e == null ? null : e.problem().name(),
                        e == null ? null : e.getMessage(),
                        form));
    }

    private static Price find(List<Price> prices, String unitId, String channelId) {
        return prices.stream()
                .filter(p -> p.unitId().equals(unitId) && p.channelId().equals(channelId))
                .findFirst()
                .orElse(null);
    }
}
