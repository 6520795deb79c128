package io.scenicpass.server.sales;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The catalogue: products → options → units with prices per unit and per channel (minor units). */
public final class CatalogueService {
    /**
     * Largest unit price in minor units (100,000.00): OCTO prices are 32-bit integers, and a booking's total of up to
     * {@link BookingService#MAX_UNITS} units must fit as well.
     */
    public static final long MAX_PRICE = 10_000_000;

    private static final Set<String> PASS_KINDS =
            Set.of("SINGLE_ENTRY", "TIMED_SLOT", "DAY", "MULTI_DAY", "ANNUAL", "GROUP");
    private static final Set<String> UNIT_TYPES =
            Set.of("ADULT", "YOUTH", "CHILD", "INFANT", "FAMILY", "SENIOR", "STUDENT", "MILITARY", "OTHER");

    /** An option with its units and the prices that apply to one channel. */
    public record OptionView(ProductOption option, List<Unit> units, List<Price> prices) {
        public Price price(String unitId) {
            return prices.stream()
                    .filter(p -> p.unitId().equals(unitId))
                    .findFirst()
                    .orElse(null);
        }

        public Unit unit(String unitId) {
            return units.stream().filter(u -> u.id().equals(unitId)).findFirst().orElse(null);
        }
    }

    /** A product with its options. */
    public record ProductView(Product product, List<OptionView> options) {
        public OptionView option(String optionId) {
            return options.stream()
                    .filter(o -> o.option().id().equals(optionId))
                    .findFirst()
                    .orElse(null);
        }

        /** The option a request without an option id means: the one marked default, else the first (null: none). */
        public OptionView defaultOption() {
            return options.stream()
                    .filter(o -> o.option().isDefault())
                    .findFirst()
                    .orElse(options.isEmpty() ? null : options.get(0));
        }

        /** {@link #option(String)}, or {@link #defaultOption()} when {@code optionId} is null. */
        public OptionView optionOrDefault(String optionId) {
            return optionId == null ? defaultOption() : option(optionId);
        }
    }

    /** Everything needed to create a product: options carry their units and default prices. */
    public record ProductSpec(Product product, List<OptionSpec> options) {}

    public record OptionSpec(ProductOption option, List<UnitSpec> units) {}

    public record UnitSpec(Unit unit, long retail, long net) {}

    private final Database db;
    private final CatalogueStore store;
    private final Clock clock;
    /** Product views per (product, channel); short-lived so other server processes' changes show up quickly. */
    private final com.github.benmanes.caffeine.cache.Cache<String, ProductView> views =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(10_000)
                    .expireAfterWrite(java.time.Duration.ofSeconds(5))
                    .build();

    public CatalogueService(Database db, CatalogueStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    public List<ProductView> products(String channelId) {
        return db.read(c -> {
            List<ProductView> out = new ArrayList<>();
            for (Product p : store.products(c)) {
                if (p.active()) {
                    out.add(view(c, p, channelId));
                }
            }
            return out;
        });
    }

    /** A product by id, or INVALID_PRODUCT_ID. */
    public ProductView product(String productId, String channelId) {
        if (productId == null) {
            throw new ServiceException(Problem.INVALID_PRODUCT_ID, "productId is required", null);
        }
        ProductView cached = views.getIfPresent(productId + "\u0000" + channelId);
        if (cached != null) {
            return cached;
        }
        ProductView v = load(productId, channelId);
        views.put(productId + "\u0000" + channelId, v);
        return v;
    }

    private ProductView load(String productId, String channelId) {
        return db.read(c -> {
            Product p = store.product(c, productId)
                    .filter(Product::active)
                    .orElseThrow(() -> new ServiceException(Problem.INVALID_PRODUCT_ID, "unknown product", productId));
            return view(c, p, channelId);
        });
    }

    private ProductView view(Connection c, Product p, String channelId) throws SQLException {
        List<OptionView> opts = new ArrayList<>();
        for (ProductOption o : store.options(c, p.id())) {
            opts.add(new OptionView(o, store.units(c, o.id()), store.prices(c, o.id(), channelId)));
        }
        return new ProductView(p, opts);
    }

    /** Creates a product with its options, units and default prices (all or nothing). */
    public ProductView create(ProductSpec spec) {
        validate(spec);
        try {
            db.tx(c -> {
                store.insertProduct(c, spec.product(), clock.instant());
                int oi = 0;
                for (OptionSpec os : spec.options()) {
                    store.insertOption(c, os.option(), oi++);
                    int ui = 0;
                    for (UnitSpec us : os.units()) {
                        store.insertUnit(c, us.unit(), ui++);
                        store.putPrice(c, new Price(us.unit().id(), Price.ANY_CHANNEL, us.retail(), us.net()));
                    }
                }
                return null;
            });
        } catch (io.scenicpass.server.db.StoreException e) {
            if (e.isUniqueViolation()) {
                throw new ServiceException(
                        Problem.CONFLICT,
                        "a product, option or unit with that id exists already",
                        spec.product().id());
            }
            throw e;
        }
        views.invalidateAll();
        return product(spec.product().id(), null);
    }

    /** Sets a unit's price for one channel ("*" = default). */
    public void setPrice(String unitId, String channelId, long retail, long net) {
        if (retail < 0 || net < 0 || retail > MAX_PRICE || net > MAX_PRICE) {
            throw new ServiceException(Problem.BAD_REQUEST, "prices must be 0.." + MAX_PRICE + " (minor units)");
        }
        db.tx(c -> {
            store.putPrice(c, new Price(unitId, channelId, retail, net));
            return null;
        });
        views.invalidateAll();
    }

    /**
     * Clears a unit's price for one channel: that channel pays the default ("*") again. The default itself cannot be
     * cleared (BAD_REQUEST); an unknown unit is NOT_FOUND; clearing a price that is not set changes nothing.
     */
    public void clearPrice(String unitId, String channelId) {
        if (channelId == null || Price.ANY_CHANNEL.equals(channelId)) {
            throw new ServiceException(Problem.BAD_REQUEST, "the default price (*) cannot be cleared, only changed");
        }
        db.tx(c -> {
            if (store.unit(c, unitId).isEmpty()) {
                throw new ServiceException(Problem.NOT_FOUND, "unknown unit", unitId);
            }
            store.deletePrice(c, unitId, channelId);
            return null;
        });
        views.invalidateAll();
    }

    /**
     * Sets a unit's real-name and concession rule for bookings from now on: whether each of its unit items needs the
     * visitor's document, and the ages (whole years, both optional) that document must prove. Issued passes keep theirs.
     */
    public Unit setUnitRule(String productId, String unitId, boolean idRequired, Integer minAge, Integer maxAge) {
        if (minAge != null) {
            Bounds.check("minAge", minAge, 0, Bounds.MAX_AGE);
        }
        if (maxAge != null) {
            Bounds.check("maxAge", maxAge, 0, Bounds.MAX_AGE);
        }
        require(minAge == null || maxAge == null || minAge <= maxAge, "minAge must not be above maxAge");
        Unit u = db.tx(c -> {
            Unit old = store.unit(c, unitId).orElse(null);
            if (old == null
                    || !store.option(c, old.optionId())
                            .map(o -> o.productId().equals(productId))
                            .orElse(false)) {
                throw new ServiceException(Problem.NOT_FOUND, "no such unit of the product", unitId);
            }
            Unit changed = new Unit(
                    old.id(),
                    old.optionId(),
                    old.type(),
                    old.internalName(),
                    minAge,
                    maxAge,
                    idRequired,
                    old.paxCount());
            store.updateUnitRule(c, changed);
            return changed;
        });
        views.invalidateAll();
        return u;
    }

    /** Every product, active or not (the console's catalogue). */
    public List<Product> allProducts() {
        return db.read(store::products);
    }

    /** A product active or not, with its default prices, or NOT_FOUND (the console edits inactive products too). */
    public ProductView anyState(String productId) {
        return db.read(c -> view(
                c,
                store.product(c, productId)
                        .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "unknown product", productId)),
                null));
    }

    /** Every price of an option's units: the default ("*") and each channel's own. */
    public List<Price> allPrices(String optionId) {
        return db.read(c -> store.allPrices(c, optionId));
    }

    /** Sets the default capacity of a daily pool (e.g. the whole park). */
    public void setDayPoolDefault(String poolId, int capacity) {
        Bounds.capacity("capacity", capacity);
        db.tx(c -> {
            store.putDayPool(c, poolId, capacity);
            return null;
        });
    }

    public void setActive(String productId, boolean active) {
        db.tx(c -> {
            Product p = store.product(c, productId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "unknown product", productId));
            store.updateProduct(
                    c,
                    new Product(
                            p.id(),
                            p.internalName(),
                            p.reference(),
                            p.timeZone(),
                            p.passKind(),
                            p.groupPass(),
                            p.zones(),
                            p.dayPool(),
                            p.cancelCutoffMinutes(),
                            p.currency(),
                            active));
            return null;
        });
        views.invalidateAll();
    }

    /** Forgets the cached product views (another feature changed what they show, e.g. a unit's idRequired). */
    public void changed() {
        views.invalidateAll();
    }

    public boolean exists(String productId) {
        return db.read(c -> store.product(c, productId).isPresent());
    }

    private static void validate(ProductSpec spec) {
        try {
            validateFields(spec);
        } catch (NullPointerException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "a required field of the product is missing (null)");
        }
    }

    private static void validateFields(ProductSpec spec) {
        require(spec.product() != null && spec.options() != null, "product and options are required");
        Product p = spec.product();
        require(p.id() != null && p.id().matches("[A-Za-z0-9_.-]{1,64}"), "product id must be 1-64 of [A-Za-z0-9_.-]");
        require(p.internalName() != null && !p.internalName().isBlank(), "internalName is required");
        try {
            ZoneId.of(p.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            throw new ServiceException(Problem.BAD_REQUEST, "timeZone must be an IANA zone id");
        }
        require(PASS_KINDS.contains(p.passKind()), "passKind must be one of " + PASS_KINDS);
        require(p.zones() != null, "zones must be a list");
        Bounds.listSize("zones", p.zones());
        Bounds.check("cancelCutoffMinutes", p.cancelCutoffMinutes(), 0, Bounds.MAX_CUTOFF_MINUTES);
        Bounds.listSize("options", spec.options());
        require(!spec.options().isEmpty(), "a product needs at least one option");
        for (OptionSpec os : spec.options()) {
            ProductOption o = os.option();
            require(
                    o.id() != null && o.id().matches("[A-Za-z0-9_.-]{1,64}"),
                    "option id must be 1-64 of [A-Za-z0-9_.-]");
            require(o.intervalMinutes() >= 5 && o.intervalMinutes() <= 24 * 60, "intervalMinutes must be 5..1440");
            require(o.openTime().isBefore(o.closeTime()), "openTime must be before closeTime");
            require(
                    !p.openingHours()
                            || o.intervalMinutes()
                                    >= java.time.Duration.between(o.openTime(), o.closeTime())
                                            .toMinutes(),
                    "a DAY product is sold by opening hours: intervalMinutes must cover openTime to closeTime");
            Bounds.capacity("slotCapacity", o.slotCapacity());
            Bounds.listSize("units", os.units());
            require(
                    o.closedWeekdays() != null
                            && o.closedDates() != null
                            && o.closedWeekdays().stream().noneMatch(java.util.Objects::isNull)
                            && o.closedDates().stream().noneMatch(java.util.Objects::isNull),
                    "closedWeekdays and closedDates must be lists without nulls");
            require(!os.units().isEmpty(), "an option needs at least one unit");
            for (UnitSpec us : os.units()) {
                require(us.unit().id() != null && us.unit().id().matches("[A-Za-z0-9_.-]{1,64}"), "bad unit id");
                require(UNIT_TYPES.contains(us.unit().type()), "unit type must be one of " + UNIT_TYPES);
                require(
                        us.retail() >= 0 && us.net() >= 0 && us.retail() <= MAX_PRICE && us.net() <= MAX_PRICE,
                        "prices must be 0.." + MAX_PRICE + " (minor units)");
                Bounds.check("paxCount", us.unit().paxCount(), 1, Bounds.MAX_PAX);
                if (us.unit().minAge() != null) {
                    Bounds.check("minAge", us.unit().minAge(), 0, Bounds.MAX_AGE);
                }
                if (us.unit().maxAge() != null) {
                    Bounds.check("maxAge", us.unit().maxAge(), 0, Bounds.MAX_AGE);
                }
            }
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new ServiceException(Problem.BAD_REQUEST, message);
        }
    }
}
