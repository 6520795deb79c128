package io.scenicpass.server.console.catalogue;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.console.ConsolePages;
import io.scenicpass.server.console.Principal;
import io.scenicpass.server.console.Right;
import io.scenicpass.server.console.RouteRights;
import io.scenicpass.server.console.desk.Forms;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.web.Pages;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /console/catalogue/products} (VIEW): every product, active or not, each linking to its page, and the form of
 * a new product (the right of {@code POST /admin/v1/products}): its id, name, kind, zone and cancel cutoff, one option
 * (opening hours, slot interval and capacity) and up to {@link #UNIT_ROWS} units (type, name, prices in yuan, ages,
 * document required) — checked like the admin API, audited; a refusal keeps what the operator typed.
 */
public final class ProductsPage {
    /** Unit rows of the new product form (a row without a type is left out). */
    static final int UNIT_ROWS = 4;

    /** The pass kinds the form offers (a group pass is made through the admin API). */
    static final List<String> KINDS = List.of("TIMED_SLOT", "SINGLE_ENTRY", "DAY", "MULTI_DAY", "ANNUAL");

    static final List<String> UNIT_TYPES = List.of("ADULT", "CHILD", "SENIOR", "STUDENT", "YOUTH", "INFANT", "OTHER");

    /** One product of the list. */
    public record Row(String id, String name, String passKind, boolean active) {}

    /** The page: the products, the form's fields as typed (after a refusal), and the refusal. */
    public record Model(
            List<Row> products,
            List<String> kinds,
            List<String> unitTypes,
            int unitRows,
            Map<String, String> form,
            String errorCode,
            String error) {
        /** The field as the operator typed it, else {@code otherwise}. */
        public String value(String name, String otherwise) {
            return form.getOrDefault(name, otherwise);
        }
    }

    private final ConsolePages pages;
    private final CatalogueService catalogue;

    ProductsPage(ConsolePages pages, CatalogueService catalogue) {
        this.pages = pages;
        this.catalogue = catalogue;
    }

    void register(RoutesConfig r) {
        r.get("/console/catalogue/products", ctx -> {
            pages.requireRight(ctx, Right.VIEW);
            render(ctx, 200, Map.of(), null);
        });
        r.post("/console/catalogue/products", this::create);
    }

    private void create(Context ctx) {
        Principal who = pages.requireRight(ctx, RouteRights.of("POST /admin/v1/products"));
        try {
            ProductSpec spec = spec(ctx);
            catalogue.create(spec);
            Product p = spec.product();
            pages.audited(
                    who,
                    "console: create product",
                    "productId=" + p.id(),
                    "passKind=" + p.passKind() + " units="
                            + spec.options().get(0).units().stream()
                                    .map(u -> u.unit().id() + ":" + u.retail())
                                    .toList());
            ctx.redirect(
                    "/console/catalogue/products/" + URLEncoder.encode(p.id(), StandardCharsets.UTF_8)
                            + "?done=created",
                    HttpStatus.SEE_OTHER);
        } catch (ServiceException e) {
            Map<String, String> typed = new HashMap<>();
            ctx.formParamMap().forEach((k, v) -> {
                if (!k.equals("_csrf") && !v.isEmpty()) {
                    typed.put(k, v.get(0));
                }
            });
            render(ctx, Forms.status(e), typed, e);
        }
    }

    /** The product the form describes, with one option and the units of its filled rows. */
    private static ProductSpec spec(Context ctx) {
        String id = Forms.text(ctx, "id");
        String optionId = id + "-opt";
        List<UnitSpec> units = new ArrayList<>();
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < UNIT_ROWS; i++) {
            String type = ctx.formParam("unitType" + i);
            if (type == null || type.isBlank()) {
                continue;
            }
            String unitId = id + "-" + type.strip().toLowerCase(Locale.ROOT);
            if (!ids.add(unitId)) {
                unitId = unitId + "-" + (i + 1);
                ids.add(unitId);
            }
            long retail = Fields.yuan(ctx, "retail" + i);
            units.add(new UnitSpec(
                    new Unit(
                            unitId,
                            optionId,
                            type.strip(),
                            Forms.text(ctx, "unitName" + i),
                            Fields.optionalNumber(ctx, "minAge" + i),
                            Fields.optionalNumber(ctx, "maxAge" + i),
                            Fields.ticked(ctx, "idRequired" + i),
                            1),
                    retail,
                    Fields.yuanOr(ctx, "net" + i, retail)));
        }
        Integer cutoff = Fields.optionalNumber(ctx, "cancelCutoffMinutes");
        Product product = new Product(
                id,
                Forms.text(ctx, "name"),
                id,
                Forms.text(ctx, "timeZone"),
                Forms.text(ctx, "passKind"),
                false,
                List.of(),
                null,
                cutoff == null ? 0 : cutoff,
                "CNY",
                true);
        ProductOption option = new ProductOption(
                optionId,
                id,
                Forms.text(ctx, "name"),
                true,
                time(ctx, "openTime"),
                time(ctx, "closeTime"),
                Forms.number(ctx, "intervalMinutes"),
                Forms.number(ctx, "slotCapacity"),
                Set.of(),
                Set.of());
        return new ProductSpec(product, List.of(new OptionSpec(option, units)));
    }

    private static LocalTime time(Context ctx, String name) {
        try {
            return LocalTime.parse(Forms.text(ctx, name));
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, name + " must be a time HH:MM");
        }
    }

    private void render(Context ctx, int status, Map<String, String> form, ServiceException e) {
        List<Row> rows = new ArrayList<>();
        for (Product p : catalogue.allProducts()) {
            rows.add(new Row(p.id(), p.internalName(), p.passKind(), p.active()));
        }
        Pages.render(
                ctx,
                status,
                "console/catalogue/products.jte",
                pages.frame(ctx, "products.listTitle", ProductsModule.TEXTS),
                new Model(
                        rows,
                        KINDS,
                        UNIT_TYPES,
                        UNIT_ROWS,
                        form,
                        e == null ? null : e.problem().name(),
                        e == null ? null : e.getMessage()));
    }
}
