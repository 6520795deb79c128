package io.scenicpass.server.content.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.OctoJson;
import io.scenicpass.channel.model.Product;
import io.scenicpass.server.content.ContentService;
import io.scenicpass.server.content.ContentService.Localized;
import io.scenicpass.server.content.ContentService.Stored;
import io.scenicpass.server.content.Languages;
import io.scenicpass.server.content.Texts;
import io.scenicpass.server.sales.CatalogueService.OptionView;
import io.scenicpass.server.sales.CatalogueService.ProductView;
import io.scenicpass.server.sales.store.ProductOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Adds the OCTO content fields to OCTO answers for a request that names {@code octo/content}: products, their
 * options and units in the language {@code Accept-Language} prefers among those the product has (else its default),
 * said with {@code Content-Language} and {@code Available-Languages}. What the operator has not given is null or
 * empty, except where OCTO wants text: titles fall back to the internal names, a unit's shortDescription to "", the
 * duration to the option's slot (its opening hours for OPENING_HOURS). The model stays untouched: fields are added to
 * its JSON.
 */
public final class OctoContent {
    private static final ObjectMapper JSON = OctoJson.mapper();

    private final ContentService content;
    private final Supplier<String> publicUrl;

    /** {@code publicUrl}: the server's address as resellers reach it; media paths ({@code /media/…}) resolve to it. */
    public OctoContent(ContentService content, Supplier<String> publicUrl) {
        this.content = content;
        this.publicUrl = publicUrl;
    }

    /** One product with content in its best language for the request. */
    public JsonNode product(Context ctx, ProductView pv, Product model) {
        Stored s = content.of(pv.product().id());
        String lang = Languages.choose(ctx.header("Accept-Language"), s.locales(), s.defaultLocale());
        headers(ctx, lang, s.locales().isEmpty() ? List.of(lang) : s.locales());
        return render(pv, model, s, lang);
    }

    /**
     * Products with content: the language is chosen among all the products' languages (one per answer, as OCTO
     * wants); a product without it answers in its default, its {@code locale} says which.
     */
    public JsonNode products(Context ctx, List<ProductView> pvs, List<Product> models) {
        Set<String> all = new LinkedHashSet<>();
        List<Stored> stored = new ArrayList<>();
        for (ProductView pv : pvs) {
            Stored s = content.of(pv.product().id());
            stored.add(s);
            all.addAll(s.locales());
        }
        String fallback = all.isEmpty() || all.contains(ContentService.FALLBACK_LOCALE)
                ? ContentService.FALLBACK_LOCALE
                : all.iterator().next();
        String lang = Languages.choose(ctx.header("Accept-Language"), List.copyOf(all), fallback);
        headers(ctx, lang, all.isEmpty() ? List.of(lang) : List.copyOf(all));
        ArrayNode out = JSON.createArrayNode();
        for (int i = 0; i < pvs.size(); i++) {
            Stored s = stored.get(i);
            out.add(render(pvs.get(i), models.get(i), s, s.byLocale().containsKey(lang) ? lang : s.defaultLocale()));
        }
        return out;
    }

    /** Availabilities with OCTO's availability content: no title of their own, the opening hours as description. */
    public JsonNode availability(Context ctx, ProductView pv, List<Availability> list) {
        Stored s = content.of(pv.product().id());
        String lang = Languages.choose(ctx.header("Accept-Language"), s.locales(), s.defaultLocale());
        headers(ctx, lang, s.locales().isEmpty() ? List.of(lang) : s.locales());
        ArrayNode out = JSON.createArrayNode();
        for (Availability a : list) {
            ObjectNode n = JSON.valueToTree(a);
            n.putNull("title");
            n.put(
                    "shortDescription",
                    a.getOpeningHours().isEmpty()
                            ? ""
                            : a.getOpeningHours().get(0).getFrom() + "–"
                                    + a.getOpeningHours().get(0).getTo());
            out.add(n);
        }
        return out;
    }

    private ObjectNode render(ProductView pv, Product model, Stored s, String lang) {
        Localized l = s.byLocale().get(lang);
        ObjectNode n = JSON.valueToTree(model);
        n.put("locale", lang);
        int shortest = Integer.MAX_VALUE;
        for (JsonNode on : n.withArray("options")) {
            OptionView ov = pv.option(on.path("id").asText());
            int minutes = minutes(pv, ov.option());
            shortest = Math.min(shortest, minutes);
            Texts.Product t = l == null ? null : l.options().get(ov.option().id());
            fields((ObjectNode) on, t, ov.option().internalName(), minutes);
            for (JsonNode un : on.withArray("units")) {
                String unitId = un.path("id").asText();
                Texts.Unit u = l == null ? null : l.units().get(unitId);
                ObjectNode unit = (ObjectNode) un;
                unit.put(
                        "title",
                        u != null && u.title() != null
                                ? u.title()
                                : ov.unit(unitId).internalName());
                unit.put("shortDescription", u != null && u.shortDescription() != null ? u.shortDescription() : "");
                unit.set("features", JSON.valueToTree(u == null ? List.of() : u.features()));
            }
        }
        fields(
                n,
                l == null ? null : l.product(),
                pv.product().internalName(),
                shortest == Integer.MAX_VALUE ? 0 : shortest);
        return n;
    }

    /** Sets a product's or option's content fields on {@code n}. */
    private void fields(ObjectNode n, Texts.Product t, String name, int minutes) {
        Texts.Product p = t != null
                ? t
                : new Texts.Product(
                        null, null, null, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, List.of());
        ObjectNode f = JSON.valueToTree(p);
        f.put("title", p.title() != null ? p.title() : name);
        f.put("durationMinutesFrom", p.durationMinutesFrom() != null ? p.durationMinutesFrom() : minutes);
        List<Texts.Media> media = new ArrayList<>();
        for (Texts.Media m : p.media()) {
            media.add(new Texts.Media(absolute(m.src()), m.type(), m.rel(), m.title(), m.caption(), m.copyright()));
        }
        f.set("media", JSON.valueToTree(media));
        n.setAll(f);
    }

    /** A path on this server becomes its public URL; an absolute URL stays. */
    private String absolute(String src) {
        return src.startsWith("/") ? publicUrl.get() + src : src;
    }

    /** How long a visit of the option lasts: its slot, or its opening hours when sold by opening hours. */
    private static int minutes(ProductView pv, ProductOption o) {
        return pv.product().openingHours()
                ? (int) Duration.between(o.openTime(), o.closeTime()).toMinutes()
                : o.intervalMinutes();
    }

    private static void headers(Context ctx, String lang, List<String> available) {
        ctx.header("Content-Language", lang);
        ctx.header("Available-Languages", String.join(", ", available));
        ctx.header("Vary", "Accept-Language, Octo-Capabilities");
    }
}
