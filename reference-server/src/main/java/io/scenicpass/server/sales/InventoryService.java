package io.scenicpass.server.sales;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.DueHoldStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.SlotRuleStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time-slot inventory: slot generation, availability, the expiry of due holds, capacity changes; a booking's places
 * are held, sold and given back by {@link Places}.
 * All counters move through conditional updates in {@link InventoryStore}; this class never locks in the JVM.
 */
public final class InventoryService {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);
    /** Longest date range one availability request may cover. */
    public static final int MAX_RANGE_DAYS = 93;

    /** What other features sell with some products' bookings (packages), in the bookings' transactions. */
    final BookingParts.Holder parts = new BookingParts.Holder();

    /** A slot with what a given channel can still book in it. */
    public record SlotView(Slot slot, int vacancies, int capacity) {
        public Vacancy vacancy() {
            return new Vacancy(vacancies, capacity, slot.closed());
        }
    }

    /** One local date of a calendar: its slots and their summed vacancy. */
    public record DayView(LocalDate date, List<SlotView> slots, Vacancy vacancy) {}

    private final Database db;
    private final CatalogueStore catalogue;
    private final InventoryStore inventory;
    private final BookingStore bookings;
    private final Clock clock;
    private final int horizonDays;
    /** Rule changes and closures that slot generation follows (V90). */
    private final SlotRuleStore ruleStore = new SlotRuleStore();
    /** The holds whose expiry has passed. */
    private final DueHoldStore dueHoldStore = new DueHoldStore();
    /** Fixed data of slots (id, date, times) for the reservation path. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Slot> slotMeta =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(10))
                    .build();
    /** (option, date) pairs whose slots are known to exist; saves a query per request. */
    private final com.github.benmanes.caffeine.cache.Cache<String, Boolean> ensured =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                    .maximumSize(100_000)
                    .expireAfterWrite(java.time.Duration.ofMinutes(10))
                    .build();

    /** Checks and repairs the counters against the bookings. */
    private final InventoryRepair repair;

    /** A booking's places in the counters: held, sold, given back. */
    private final Places places;

    /** Availability answers (advisory), invalidated by this node's changes, at most a TTL stale for other nodes'. */
    private final io.scenicpass.server.sales.internal.AvailabilityCache<Object> availabilityCache;

    public InventoryService(
            Database db,
            CatalogueStore catalogue,
            InventoryStore inventory,
            BookingStore bookings,
            Clock clock,
            int horizonDays) {
        this(db, catalogue, inventory, bookings, clock, horizonDays, java.time.Duration.ofSeconds(1));
    }

    /**
     * @param availabilityCacheTtl how long an availability answer may be reused: bounds how late changes made by other
     *     nodes show up (this node's own changes invalidate at once); zero disables the cache
     */
    public InventoryService(
            Database db,
            CatalogueStore catalogue,
            InventoryStore inventory,
            BookingStore bookings,
            Clock clock,
            int horizonDays,
            java.time.Duration availabilityCacheTtl) {
        this.availabilityCache = new io.scenicpass.server.sales.internal.AvailabilityCache<>(
                availabilityCacheTtl, io.scenicpass.server.sales.internal.AvailabilityCache.ticker(clock));
        this.db = db;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.bookings = bookings;
        this.clock = clock;
        this.horizonDays = horizonDays;
        this.repair =
                new InventoryRepair(db, new io.scenicpass.server.sales.store.InventoryAudit(), this::countersChanged);
        this.places = new Places(db, inventory, bookings, clock, parts);
    }

    /** The consistency check and repair of the counters (admin API, {@code repair-inventory}, start-up check). */
    public InventoryRepair repair() {
        return repair;
    }

    /** Holds, sells and gives back a booking's places; expires a due hold. */
    public Places places() {
        return places;
    }

    /** Makes sure the option's slots exist for every date in [from, to] (idempotent, safe across processes). */
    public void ensureSlots(Product product, ProductOption option, LocalDate from, LocalDate to) {
        ZoneId zone = ZoneId.of(product.timeZone());
        boolean all = true;
        for (LocalDate d = from; !d.isAfter(to) && all; d = d.plusDays(1)) {
            all = ensured.getIfPresent(option.id() + "|" + d) != null;
        }
        if (all) {
            return;
        }
        db.tx(c -> {
            List<SlotRuleStore.SlotRule> changes = null; // read once, only when a day is generated
            List<SlotRuleStore.Closure> closures = null;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (!inventory.hasSlots(c, option.id(), d)) {
                    if (changes == null) {
                        changes = ruleStore.rules(c, option.id());
                        closures = ruleStore.closures(c, product.id(), from);
                    }
                    for (Slot s : SlotRules.generate(option, changes, closures, zone, d)) {
                        inventory.ensureSlot(c, s);
                    }
                }
                if (product.dayPool() != null) {
                    inventory.ensureDayPool(c, product.dayPool(), d);
                }
            }
            return null;
        });
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            ensured.put(option.id() + "|" + d, Boolean.TRUE);
        }
    }

    /**
     * The slot to reserve in, from a cache of the slots' fixed data (times, date); counters in the returned
     * record may be stale and are never used for decisions: holds are conditional updates in the database.
     */
    public Optional<Slot> slotForReserve(Product product, ProductOption option, String availabilityId) {
        String id = SlotRules.slotId(option.id(), availabilityId);
        Slot cached = slotMeta.getIfPresent(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<SlotView> v = slot(product, option, availabilityId, null);
        v.ifPresent(sv -> slotMeta.put(id, sv.slot()));
        return v.map(SlotView::slot);
    }

    /** Availability of an option between two local dates (inclusive) as seen by {@code channelId}. */
    public List<SlotView> availability(
            Product product, ProductOption option, LocalDate from, LocalDate to, String channelId) {
        if (to.isBefore(from)) {
            throw new ServiceException(Problem.BAD_REQUEST, "localDateEnd is before localDateStart");
        }
        if (ChronoUnit.DAYS.between(from, to) > MAX_RANGE_DAYS) {
            throw new ServiceException(Problem.BAD_REQUEST, "date range longer than " + MAX_RANGE_DAYS + " days");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(product.timeZone())));
        LocalDate first = from.isBefore(today) ? today : from;
        LocalDate last = to.isAfter(today.plusDays(horizonDays)) ? today.plusDays(horizonDays) : to;
        if (last.isBefore(first)) {
            return List.of();
        }
        java.util.function.Supplier<Object> load = () -> {
            ensureSlots(product, option, first, last);
            expire(db.read(c -> dueHoldStore.dueHoldsForOption(c, option.id(), first, last, clock.instant())));
            return db.read(c -> {
                List<SlotView> out = new ArrayList<>();
                for (Slot s : inventory.slots(c, option.id(), first, last)) {
                    out.add(view(c, product, s, channelId));
                }
                return List.copyOf(out);
            });
        };
        @SuppressWarnings("unchecked")
        List<SlotView> views = (List<SlotView>)
                (parts.get().has(product.id())
                        ? load.get() // a package: partners change their allotments outside our bookings, so never
                        // cached
                        : availabilityCache.get(
                                new io.scenicpass.server.sales.internal.AvailabilityCache.Key(
                                        option.id(), first, last, channelId, null),
                                load));
        return views;
    }

    /** {@link #availability} per local date, every date of [from, to] in order (CLOSED when it has no slots). */
    public List<DayView> calendar(
            Product product, ProductOption option, LocalDate from, LocalDate to, String channelId) {
        List<SlotView> views = availability(product, option, from, to, channelId);
        java.util.Map<LocalDate, List<SlotView>> byDay = new java.util.LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            byDay.put(d, new ArrayList<>());
        }
        for (SlotView v : views) {
            byDay.computeIfAbsent(v.slot().localDate(), d -> new ArrayList<>()).add(v);
        }
        List<DayView> out = new ArrayList<>();
        byDay.forEach((d, slots) -> out.add(new DayView(d, slots, Vacancy.ofDay(slots))));
        return out;
    }

    /** One slot by availability id, generating the day's slots when needed. */
    public Optional<SlotView> slot(Product product, ProductOption option, String availabilityId, String channelId) {
        LocalDate date;
        try {
            date = java.time.OffsetDateTime.parse(availabilityId)
                    .atZoneSameInstant(ZoneId.of(product.timeZone()))
                    .toLocalDate();
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(product.timeZone())));
        if (!date.isBefore(today) && !date.isAfter(today.plusDays(horizonDays))) {
            ensureSlots(product, option, date, date);
        }
        String slotId = SlotRules.slotId(option.id(), availabilityId);
        java.util.function.Supplier<Object> load = () -> db.read(c -> {
            Optional<Slot> s = inventory.slot(c, slotId);
            return s.isEmpty() ? Optional.<SlotView>empty() : Optional.of(view(c, product, s.get(), channelId));
        });
        @SuppressWarnings("unchecked")
        Optional<SlotView> view = (Optional<SlotView>)
                (parts.get().has(product.id())
                        ? load.get() // a package: never cached (see availability)
                        : availabilityCache.get(
                                new io.scenicpass.server.sales.internal.AvailabilityCache.Key(
                                        option.id(), date, date, channelId, slotId),
                                load));
        return view;
    }

    /**
     * Tells the availability cache that a booking of this option changed the counters (hold, confirm, cancel, expiry).
     * Call after the commit.
     */
    public void slotChanged(String optionId, String poolId) {
        if (poolId != null) {
            availabilityCache.allChanged(); // a daily pool links the slots of several options
        } else {
            availabilityCache.optionChanged(optionId);
        }
    }

    /** The counters changed outside a booking (capacity, repair): every availability answer is out of date. */
    public void countersChanged() {
        availabilityCache.allChanged();
    }

    private SlotView view(Connection c, Product product, Slot s, String channelId) throws SQLException {
        int allot = channelId == null ? 0 : inventory.allotmentRemaining(c, s.id(), channelId);
        int vac = s.closed() ? 0 : s.vacancies() + allot;
        if (product.dayPool() != null) {
            vac = Math.min(
                    vac,
                    Math.max(
                            0,
                            inventory
                                    .dayRemaining(c, product.dayPool(), s.localDate())
                                    .orElse(vac)));
        }
        int cap = s.capacity() + (s.closed() ? 0 : allot);
        if (parts.get().has(product.id())) { // a package: no more than its partners' allotments leave that day
            BookingParts.Limit lim = parts.get().limit(c, product.id(), s.localDate());
            vac = Math.min(vac, lim.free());
            cap = Math.min(cap, lim.total());
        }
        return new SlotView(s, vac, cap);
    }

    /**
     * Expires every due hold (the scheduled job; also called lazily). Returns how many expired. Idempotent, so safe on
     * several nodes at once: each expiry is a compare-and-set of the booking status (still held and due) before its
     * places are released, so a hold is released once whoever gets there first; the scheduled run is also under a job
     * lease ({@code JobLeases}) so that normally only one node does it.
     */
    public int expireDueHolds() {
        List<String> due = db.read(c -> dueHoldStore.dueHolds(c, clock.instant(), 500));
        return expire(due);
    }

    /** Expires the due holds of one slot (lazy check before answering "sold out"). */
    public int expireDueHolds(String slotId) {
        return expire(db.read(c -> dueHoldStore.dueHoldsForSlot(c, slotId, clock.instant())));
    }

    private int expire(List<String> uuids) {
        int n = 0;
        for (String uuid : uuids) {
            boolean done = db.tx(c -> {
                Optional<Booking> b = bookings.find(c, uuid);
                return b.isPresent() && places.expireIfDue(c, b.get());
            });
            if (done) {
                n++;
            }
        }
        if (n > 0) {
            availabilityCache.allChanged();
            LOG.info("expired {} hold(s)", n);
        }
        return n;
    }

    /** A channel's allotment on a slot changed (see {@link CapacityChanges}): forget what was cached about it. */
    public void allotmentChanged(String slotId, String channelId) {
        places.allotmentChanged(slotId, channelId);
        availabilityCache.allChanged();
    }

    /** Days ahead slots are generated and sold (today + this many). */
    public int horizonDays() {
        return horizonDays;
    }

    /** The option's slots of these days were replaced (a rule change): forget what was cached about them. */
    public void daysReplaced(String optionId) {
        slotMeta.asMap().keySet().removeIf(k -> k.startsWith(optionId + "|"));
        availabilityCache.allChanged();
    }

    public Optional<Slot> findSlot(String slotId) {
        return db.read(c -> inventory.slot(c, slotId));
    }

    CatalogueStore catalogue() {
        return catalogue;
    }
}
