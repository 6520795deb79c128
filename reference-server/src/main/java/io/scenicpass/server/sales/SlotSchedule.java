package io.scenicpass.server.sales;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.SlotRuleStore;
import io.scenicpass.server.sales.store.SlotRuleStore.SlotRule;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An option's slot rule changed from a date on, its month calendar, and closing or reopening a whole day. A day
 * already generated is regenerated from the new rule only when nothing refers to it (no booking of any state, no
 * place held or sold, no channel allotment), checked under the lock of the day's slots, so a booking racing the change
 * either lands first (the day is kept, reported) or is refused (its slot is gone): never oversold, never lost.
 */
public final class SlotSchedule {
    /** Longest range of days a change or a closure may cover. */
    public static final int MAX_DAYS = 366;

    /** A rule asked for the days from {@code from} on. */
    public record RuleSpec(
            LocalDate from,
            LocalTime openTime,
            LocalTime closeTime,
            int intervalMinutes,
            int slotCapacity,
            Set<DayOfWeek> closedWeekdays) {}

    /** A generated day kept as it was because something refers to it: its slots with what is sold and held. */
    public record KeptDay(LocalDate date, List<Slot> slots) {}

    /** What a rule change did: the days regenerated and the days kept (with their sales). */
    public record RuleChange(String optionId, LocalDate from, int regeneratedDays, List<KeptDay> keptDays) {}

    /** One day of a month: on sale (within today .. the horizon), closed, and the sum of its slots. */
    public record DaySummary(
            LocalDate date,
            boolean onSale,
            boolean closed,
            int slots,
            int capacity,
            int sold,
            int held,
            int vacancies) {}

    private final Database db;
    private final CatalogueStore catalogue;
    private final InventoryStore inventory;
    private final SlotRuleStore rules;
    private final InventoryService service;
    private final Clock clock;

    public SlotSchedule(
            Database db, CatalogueStore catalogue, InventoryStore inventory, InventoryService service, Clock clock) {
        this.db = db;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.rules = new SlotRuleStore();
        this.service = service;
        this.clock = clock;
    }

    /** The option's rule at creation (validFrom null) and its changes, oldest first. */
    public List<SlotRule> rules(String optionId) {
        ProductOption o = option(optionId);
        List<SlotRule> out = new ArrayList<>();
        out.add(new SlotRule(
                o.id(),
                null,
                o.openTime(),
                o.closeTime(),
                o.intervalMinutes(),
                o.slotCapacity(),
                o.closedWeekdays(),
                null));
        out.addAll(db.read(c -> rules.rules(c, optionId)));
        return out;
    }

    /** The rule in force on {@code date}. */
    public SlotRule ruleOn(String optionId, LocalDate date) {
        SlotRule in = null;
        for (SlotRule r : rules(optionId)) {
            if (r.validFrom() == null || !r.validFrom().isAfter(date)) {
                in = r;
            }
        }
        return in;
    }

    /** Changes the option's rule for the days from {@code spec.from()} on (later changes are replaced). */
    public RuleChange changeRule(String optionId, RuleSpec spec, String actor) {
        ProductOption option = option(optionId);
        Product product = product(option.productId());
        ZoneId zone = ZoneId.of(product.timeZone());
        validate(spec, today(product));
        Set<DayOfWeek> weekdays = spec.closedWeekdays() == null ? Set.of() : spec.closedWeekdays();
        db.tx(c -> {
            rules.putRule(
                    c,
                    new SlotRule(
                            optionId,
                            spec.from(),
                            spec.openTime(),
                            spec.closeTime(),
                            spec.intervalMinutes(),
                            spec.slotCapacity(),
                            weekdays,
                            actor),
                    clock.instant());
            return null;
        });
        List<LocalDate> days = db.read(c ->
                rules.generatedDays(c, optionId, spec.from(), spec.from().plusDays(MAX_DAYS + service.horizonDays())));
        int regenerated = 0;
        List<KeptDay> kept = new ArrayList<>();
        for (LocalDate d : days) {
            KeptDay k = db.tx(c -> regenerate(c, product, option, zone, d));
            if (k == null) {
                regenerated++;
            } else {
                kept.add(k);
            }
        }
        service.daysReplaced(optionId);
        return new RuleChange(optionId, spec.from(), regenerated, kept);
    }

    /** Replaces one day's slots under their lock, or returns the day kept when something refers to it. */
    private KeptDay regenerate(java.sql.Connection c, Product product, ProductOption option, ZoneId zone, LocalDate d)
            throws java.sql.SQLException {
        List<Slot> slots = rules.lockDay(c, option.id(), d);
        boolean used = slots.stream().anyMatch(s -> s.held() + s.sold() > 0) || rules.dayReferenced(c, option.id(), d);
        if (used) {
            return new KeptDay(d, slots);
        }
        rules.deleteDay(c, option.id(), d);
        for (Slot s :
                SlotRules.generate(option, rules.rules(c, option.id()), rules.closures(c, product.id(), d), zone, d)) {
            inventory.ensureSlot(c, s);
        }
        return null;
    }

    /** The days of [first, last] (at most 62) of the option with their slots summed. */
    public List<DaySummary> days(String optionId, LocalDate first, LocalDate last) {
        if (last.isBefore(first) || first.plusDays(62).isBefore(last)) {
            throw new ServiceException(Problem.BAD_REQUEST, "a calendar shows 1 to 62 days");
        }
        ProductOption option = option(optionId);
        Product product = product(option.productId());
        LocalDate today = today(product);
        LocalDate end = today.plusDays(service.horizonDays());
        java.util.Map<LocalDate, List<InventoryService.SlotView>> byDay = new java.util.HashMap<>();
        LocalDate from = first.isBefore(today) ? today : first;
        LocalDate to = last.isAfter(end) ? end : last;
        if (!to.isBefore(from)) {
            for (InventoryService.DayView d : service.calendar(product, option, from, to, null)) {
                byDay.put(d.date(), d.slots());
            }
        }
        List<DaySummary> out = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            List<InventoryService.SlotView> slots = byDay.getOrDefault(d, List.of());
            int cap = 0, sold = 0, held = 0;
            for (InventoryService.SlotView v : slots) {
                cap += v.slot().capacity();
                sold += v.slot().sold();
                held += v.slot().held();
            }
            Vacancy vac = Vacancy.ofDay(slots);
            out.add(new DaySummary(
                    d, byDay.containsKey(d), vac.closed(), slots.size(), cap, sold, held, vac.vacancies()));
        }
        return out;
    }

    /** The option's slots of one day (generated when within the horizon). */
    public List<InventoryService.SlotView> day(String optionId, LocalDate date) {
        ProductOption option = option(optionId);
        return service.availability(product(option.productId()), option, date, date, null);
    }

    /** Closes or reopens every slot of the option on one day (what is sold stays sold); how many slots. */
    public int setDayClosed(String optionId, LocalDate date, boolean closed) {
        ProductOption option = option(optionId);
        service.ensureSlots(product(option.productId()), option, date, date);
        int n = db.tx(c -> rules.setClosed(c, optionId, date, date, closed));
        service.countersChanged();
        return n;
    }

    ProductOption option(String optionId) {
        if (optionId == null || optionId.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "an option id is required");
        }
        return db.read(c -> catalogue.option(c, optionId))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no option " + optionId, optionId));
    }

    Product product(String productId) {
        return db.read(c -> catalogue.product(c, productId))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no product " + productId, productId));
    }

    /** Today in the zone of the option's product. */
    public LocalDate todayOf(String optionId) {
        return today(product(option(optionId).productId()));
    }

    LocalDate today(Product product) {
        return LocalDate.now(clock.withZone(ZoneId.of(product.timeZone())));
    }

    private static void validate(RuleSpec s, LocalDate today) {
        if (s.from() == null || s.openTime() == null || s.closeTime() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "from, openTime and closeTime are required");
        }
        if (s.from().isBefore(today)) {
            throw new ServiceException(Problem.BAD_REQUEST, "from must be today (" + today + ") or later");
        }
        Bounds.check("intervalMinutes", s.intervalMinutes(), 5, 1440);
        Bounds.capacity("slotCapacity", s.slotCapacity());
        if (!s.openTime().isBefore(s.closeTime())) {
            throw new ServiceException(Problem.BAD_REQUEST, "openTime must be before closeTime");
        }
        if (s.closedWeekdays() != null && s.closedWeekdays().size() >= 7) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "at least one weekday stays open: close dates with a closure instead");
        }
    }
}
