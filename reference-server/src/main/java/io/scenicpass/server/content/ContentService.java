package io.scenicpass.server.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.content.store.ContentStore;
import io.scenicpass.server.content.store.ContentStore.Change;
import io.scenicpass.server.content.store.ContentStore.Owner;
import io.scenicpass.server.content.store.ContentStore.Row;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.CatalogueService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content per product, option and unit and language: set, read and removed by operators (checked by
 * {@link ContentRules}, each change in the audit trail), read by the OCTO API through {@link #of(String)}.
 */
public final class ContentService {
    /** The language of a product without any content: the area's own (the OCTO product's {@code locale} so far). */
    public static final String FALLBACK_LOCALE = "zh-CN";

    private static final Logger LOG = LoggerFactory.getLogger(ContentService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One language's content of a product: its own, its options' and its units' (by id; absent: none given). */
    public record Localized(Texts.Product product, Map<String, Texts.Product> options, Map<String, Texts.Unit> units) {}

    /**
     * A product's content in every language: {@code locales} with the default first, then alphabetical; empty when
     * the product has none ({@code defaultLocale} then {@link #FALLBACK_LOCALE}).
     */
    public record Stored(String defaultLocale, List<String> locales, Map<String, Localized> byLocale) {
        static final Stored NONE = new Stored(FALLBACK_LOCALE, List.of(), Map.of());
    }

    /** What the admin API shows of a product's content: its languages, the default, and who changed what when. */
    public record Overview(String productId, String defaultLocale, List<String> locales, List<Change> history) {}

    private final Database db;
    private final ContentStore store;
    private final CatalogueService catalogue;
    private final Clock clock;
    /** Per product; short-lived like the catalogue's views, so other nodes' changes show within seconds. */
    private final Cache<String, Stored> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    public ContentService(Database db, ContentStore store, CatalogueService catalogue, Clock clock) {
        this.db = db;
        this.store = store;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** The product's content in every language (cached for a few seconds). */
    public Stored of(String productId) {
        return cache.get(productId, this::load);
    }

    /** The content in {@code locale} as an operator gave it, or NOT_FOUND. */
    public ContentDocument get(String productId, String locale) {
        productView(productId);
        String tag = ContentRules.locale(locale);
        Stored s = load(productId);
        Localized l = s.byLocale().get(tag);
        if (l == null) {
            throw new ServiceException(Problem.NOT_FOUND, "no content in " + tag + " for this product", productId);
        }
        List<Change> history = db.read(c -> store.history(c, productId));
        String by = null;
        for (Change ch : history) {
            by = ch.locale().equals(tag) ? ch.changedBy() : by;
        }
        return ContentDocument.of(l.product(), l.options(), l.units(), tag.equals(s.defaultLocale()), by);
    }

    /** Replaces the product's content in {@code locale} (checked); the first language set becomes the default. */
    public ContentDocument put(String productId, String locale, ContentDocument doc) {
        CatalogueService.ProductView pv = productView(productId);
        String tag = ContentRules.locale(locale);
        ContentRules.require(doc != null, "a content document is required");
        ContentRules.require(
                doc.updatedBy() == null || doc.updatedBy().length() <= 200, "updatedBy is longer than 200 characters");
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(tag, Owner.PRODUCT, productId, write(ContentRules.product(doc.product(), ""))));
        Map<String, Texts.Product> options = doc.options() == null ? Map.of() : doc.options();
        for (Map.Entry<String, Texts.Product> e : new TreeMap<>(options).entrySet()) {
            ContentRules.require(
                    pv.option(e.getKey()) != null, "options." + e.getKey() + " is not an option of " + productId);
            ContentRules.require(e.getValue() != null, "options." + e.getKey() + " must not be null");
            rows.add(new Row(
                    tag,
                    Owner.OPTION,
                    e.getKey(),
                    write(ContentRules.product(e.getValue(), "options." + e.getKey() + "."))));
        }
        Map<String, Texts.Unit> units = doc.units() == null ? Map.of() : doc.units();
        for (Map.Entry<String, Texts.Unit> e : new TreeMap<>(units).entrySet()) {
            ContentRules.require(
                    pv.options().stream().anyMatch(o -> o.unit(e.getKey()) != null),
                    "units." + e.getKey() + " is not a unit of " + productId);
            ContentRules.require(e.getValue() != null, "units." + e.getKey() + " must not be null");
            rows.add(new Row(
                    tag, Owner.UNIT, e.getKey(), write(ContentRules.unit(e.getValue(), "units." + e.getKey() + "."))));
        }
        db.tx(c -> {
            store.replace(c, productId, tag, rows, clock.instant());
            if (Boolean.TRUE.equals(doc.isDefault())
                    || store.defaultLocale(c, productId).isEmpty()) {
                store.setDefaultLocale(c, productId, tag);
            }
            store.audit(c, productId, new Change(tag, "SET", doc.updatedBy(), clock.instant()));
            return null;
        });
        cache.invalidate(productId);
        LOG.info("content of product {} in {} set by {}", productId, tag, doc.updatedBy());
        return get(productId, tag);
    }

    /** Removes the product's content in {@code locale} (NOT_FOUND when it had none); the default moves on. */
    public void delete(String productId, String locale, String by) {
        productView(productId);
        String tag = ContentRules.locale(locale);
        ContentRules.require(by == null || by.length() <= 200, "by is longer than 200 characters");
        db.tx(c -> {
            if (!store.delete(c, productId, tag)) {
                throw new ServiceException(Problem.NOT_FOUND, "no content in " + tag + " for this product", productId);
            }
            if (store.defaultLocale(c, productId).filter(tag::equals).isPresent()) {
                List<Row> left = store.rows(c, productId);
                if (left.isEmpty()) {
                    store.clearDefaultLocale(c, productId);
                } else {
                    store.setDefaultLocale(c, productId, left.get(0).locale());
                }
            }
            store.audit(c, productId, new Change(tag, "DELETE", by, clock.instant()));
            return null;
        });
        cache.invalidate(productId);
        LOG.info("content of product {} in {} removed by {}", productId, tag, by);
    }

    public Overview overview(String productId) {
        productView(productId);
        Stored s = load(productId);
        return new Overview(productId, s.defaultLocale(), s.locales(), db.read(c -> store.history(c, productId)));
    }

    private Stored load(String productId) {
        return db.read(c -> {
            List<Row> rows = store.rows(c, productId);
            if (rows.isEmpty()) {
                return Stored.NONE;
            }
            Map<String, Localized> byLocale = new TreeMap<>();
            for (Row r : rows) {
                Localized l = byLocale.computeIfAbsent(
                        r.locale(), k -> new Localized(null, new LinkedHashMap<>(), new LinkedHashMap<>()));
                switch (r.owner()) {
                    case PRODUCT ->
                        byLocale.put(
                                r.locale(), new Localized(read(r.body(), Texts.Product.class), l.options(), l.units()));
                    case OPTION -> l.options().put(r.ownerId(), read(r.body(), Texts.Product.class));
                    case UNIT -> l.units().put(r.ownerId(), read(r.body(), Texts.Unit.class));
                }
            }
            String dflt = store.defaultLocale(c, productId)
                    .filter(byLocale::containsKey)
                    .orElse(byLocale.keySet().iterator().next());
            List<String> locales = new ArrayList<>(List.of(dflt));
            byLocale.keySet().stream().filter(t -> !t.equals(dflt)).forEach(locales::add);
            return new Stored(dflt, List.copyOf(locales), byLocale);
        });
    }

    private CatalogueService.ProductView productView(String productId) {
        try {
            return catalogue.product(productId, null);
        } catch (ServiceException e) {
            if (e.problem() != Problem.INVALID_PRODUCT_ID) {
                throw e;
            }
            throw new ServiceException(Problem.NOT_FOUND, "unknown or inactive product", productId);
        }
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable content row", e);
        }
    }
}
