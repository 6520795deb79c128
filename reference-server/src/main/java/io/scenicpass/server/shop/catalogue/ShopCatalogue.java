package io.scenicpass.server.shop.catalogue;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.content.ContentService;
import io.scenicpass.server.content.Texts;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityService;
import io.scenicpass.server.identity.store.PolicyStore.Policy;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Unit;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the shop shows: the active products (their default option) with their content in the visitor's language,
 * the shop channel's prices per unit, a calendar of the next {@link #DAYS} days and each slot's live remaining places
 * as a traffic light ({@link Light}), from the same inventory and cache the other channels sell from.
 */
public final class ShopCatalogue {
    /** Days the calendar shows, today included. */
    public static final int DAYS = 30;
    /** A slot with at most this many places left, or at most a fifth of its capacity, shows FEW. */
    public static final int FEW_PLACES = 10;

    /** Plenty of places, few left, none (sold out: the waiting list). */
    public enum Light {
        PLENTY,
        FEW,
        SOLD_OUT;

        /** The light of {@code remaining} places out of {@code capacity}. */
        public static Light of(int remaining, int capacity) {
            if (remaining <= 0) {
                return SOLD_OUT;
            }
            return remaining <= FEW_PLACES || remaining * 5 <= capacity ? FEW : PLENTY;
        }
    }

    /** A product on the home page: its title and summary, a picture, the lowest unit price. */
    public record Card(String id, String title, String summary, String image, long fromFen, String currency) {}

    /**
     * A unit with the shop's price; {@code realName}: each such visitor must be a saved traveller (a BOOKER policy asks
     * it of the first visitor only: the checkout says so).
     */
    public record UnitPrice(String id, String name, long priceFen, boolean realName, Integer minAge, Integer maxAge) {}

    /** A slot: its id to book ({@code optionId|availabilityId}), local start and end, places left, the light. */
    public record SlotChoice(String id, String availabilityId, String start, String end, int remaining, Light light) {}

    /** A calendar day: places left in its bookable slots and their light. */
    public record Day(LocalDate date, int remaining, Light light) {}

    /** A product page: content, prices, the calendar and the chosen day's slots. */
    public record ProductPage(
            String id,
            String title,
            String description,
            List<Texts.Media> media,
            List<Texts.Faq> faqs,
            String currency,
            List<UnitPrice> units,
            List<Day> calendar,
            LocalDate day,
            List<SlotChoice> slots) {}

    private final Database db;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final ContentService content;
    private final IdentityService identities;
    private final String channelId;
    private final Clock clock;

    public ShopCatalogue(
            Database db,
            CatalogueService catalogue,
            InventoryService inventory,
            ContentService content,
            IdentityService identities,
            String channelId,
            Clock clock) {
        this.db = db;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.content = content;
        this.identities = identities;
        this.channelId = channelId;
        this.clock = clock;
    }

    /** The home page's products, in {@code lang} (zh-CN or en; the content's default language otherwise). */
    public List<Card> home(String lang) {
        List<Card> out = new ArrayList<>();
        for (CatalogueService.ProductView pv : catalogue.products(channelId)) {
            CatalogueService.OptionView ov = pv.defaultOption();
            if (ov == null || !pv.product().active()) {
                continue;
            }
            Texts.Product t = texts(pv, lang);
            long from = ov.units().stream()
                    .map(u -> ov.price(u.id()))
                    .filter(p -> p != null)
                    .mapToLong(Price::retail)
                    .min()
                    .orElse(0);
            String image = t == null || t.media() == null || t.media().isEmpty()
                    ? null
                    : t.media().get(0).src();
            out.add(new Card(
                    pv.product().id(),
                    title(pv, t),
                    t == null ? null : t.shortDescription(),
                    image,
                    from,
                    pv.product().currency()));
        }
        return out;
    }

    /** A product's page for {@code day} (null or outside the calendar: the first day with places, else today). */
    public ProductPage product(String productId, LocalDate day, String lang) {
        CatalogueService.ProductView pv = catalogue.product(productId, channelId);
        CatalogueService.OptionView ov = pv.defaultOption();
        if (ov == null || !pv.product().active()) {
            throw new ServiceException(Problem.INVALID_PRODUCT_ID, "no such product", productId);
        }
        ZoneId zone = ZoneId.of(pv.product().timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<InventoryService.DayView> days =
                inventory.calendar(pv.product(), ov.option(), today, today.plusDays(DAYS - 1), channelId);
        List<Day> calendar = new ArrayList<>();
        LocalDate firstOpen = null;
        for (InventoryService.DayView d : days) {
            int remaining = 0;
            int capacity = 0;
            for (InventoryService.SlotView s : d.slots()) {
                if (s.slot().endAt().isAfter(clock.instant())) {
                    remaining += s.vacancies();
                    capacity += s.capacity();
                }
            }
            calendar.add(new Day(d.date(), remaining, Light.of(remaining, capacity)));
            firstOpen = firstOpen == null && remaining > 0 ? d.date() : firstOpen;
        }
        LocalDate chosen = day != null && !day.isBefore(today) && day.isBefore(today.plusDays(DAYS))
                ? day
                : firstOpen != null ? firstOpen : today;
        List<SlotChoice> slots = new ArrayList<>();
        for (InventoryService.DayView d : days) {
            if (!d.date().equals(chosen)) {
                continue;
            }
            for (InventoryService.SlotView s : d.slots()) {
                if (s.slot().endAt().isAfter(clock.instant())) {
                    String availabilityId =
                            s.slot().id().substring(s.slot().id().lastIndexOf('|') + 1);
                    slots.add(new SlotChoice(
                            s.slot().id(),
                            availabilityId,
                            s.slot().localStart(),
                            s.slot().localEnd(),
                            s.vacancies(),
                            Light.of(s.vacancies(), s.capacity())));
                }
            }
        }
        Texts.Product t = texts(pv, lang);
        Policy policy = db.read(c -> identities.policy(c, productId));
        List<UnitPrice> units = new ArrayList<>();
        for (int i = 0; i < ov.units().size(); i++) {
            Unit u = ov.units().get(i);
            Price p = ov.price(u.id());
            if (p != null) {
                units.add(new UnitPrice(
                        u.id(),
                        unitName(pv, u, lang),
                        p.retail(),
                        IdentityService.requires(policy, units.isEmpty() ? 0 : 1, u),
                        u.minAge(),
                        u.maxAge()));
            }
        }
        return new ProductPage(
                pv.product().id(),
                title(pv, t),
                t == null ? null : t.description(),
                t == null || t.media() == null ? List.of() : t.media(),
                t == null || t.faqs() == null ? List.of() : t.faqs(),
                pv.product().currency(),
                units,
                calendar,
                chosen,
                slots);
    }

    /** The product's time zone (the park's). */
    public ZoneId zone(String productId) {
        return ZoneId.of(catalogue.product(productId, channelId).product().timeZone());
    }

    /** Whether the visitor at {@code position} with {@code unitId} must be a saved traveller (the real-name rules). */
    public boolean needsTraveller(String productId, int position, String unitId) {
        CatalogueService.OptionView ov = catalogue.product(productId, channelId).defaultOption();
        Unit u = ov == null ? null : ov.unit(unitId);
        return u != null && IdentityService.requires(db.read(c -> identities.policy(c, productId)), position, u);
    }

    /** The product's texts in {@code lang}, else in its default language, else none. */
    private Texts.Product texts(CatalogueService.ProductView pv, String lang) {
        ContentService.Localized l = localized(pv, lang);
        return l == null ? null : l.product();
    }

    private ContentService.Localized localized(CatalogueService.ProductView pv, String lang) {
        ContentService.Stored s = content.of(pv.product().id());
        if (s == null || s.byLocale() == null) {
            return null;
        }
        ContentService.Localized l = s.byLocale().get(lang);
        return l != null ? l : s.defaultLocale() == null ? null : s.byLocale().get(s.defaultLocale());
    }

    private static String title(CatalogueService.ProductView pv, Texts.Product t) {
        return t != null && t.title() != null ? t.title() : pv.product().internalName();
    }

    private String unitName(CatalogueService.ProductView pv, Unit u, String lang) {
        ContentService.Localized l = localized(pv, lang);
        Texts.Unit t = l == null || l.units() == null ? null : l.units().get(u.id());
        return t != null && t.title() != null ? t.title() : u.internalName();
    }
}
