package io.scenicpass.server.sales;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.SlotRuleStore;
import io.scenicpass.server.sales.store.SlotRuleStore.Affected;
import io.scenicpass.server.sales.store.SlotRuleStore.Closure;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Closures of a date range (a typhoon, maintenance) for one option or a whole product, with a reason. Every slot of
 * the closed days is closed, also those generated later, so no channel can book them; what was sold stays sold and its
 * passes stay valid until the operator cancels the bookings (listed by {@link #affected}).
 */
public final class SlotClosures {
    /** A closure with the confirmed bookings on its days. */
    public record Closed(Closure closure, List<Affected> affected) {
        public int bookings() {
            return affected.stream().mapToInt(Affected::bookings).sum();
        }

        public int visitors() {
            return affected.stream().mapToInt(Affected::visitors).sum();
        }
    }

    private final Database db;
    private final CatalogueStore catalogue;
    private final SlotRuleStore store = new SlotRuleStore();
    private final SlotSchedule schedule;
    private final InventoryService inventory;
    private final Clock clock;

    public SlotClosures(
            Database db, CatalogueStore catalogue, SlotSchedule schedule, InventoryService inventory, Clock clock) {
        this.db = db;
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.inventory = inventory;
        this.clock = clock;
    }

    /** What closing these days would affect (nothing is changed): confirmed bookings and visitors per date. */
    public Closed preview(String productId, String optionId, LocalDate first, LocalDate last, String reason) {
        Closure k = closure(productId, optionId, first, last, reason, null);
        return new Closed(k, db.read(c -> store.affected(c, productId, optionId, first, last)));
    }

    /** Closes the days: their slots now and those generated later. */
    public Closed close(String productId, String optionId, LocalDate first, LocalDate last, String reason, String by) {
        Closure asked = closure(productId, optionId, first, last, reason, by);
        Closed done = db.tx(c -> {
            long id = store.insertClosure(c, asked, clock.instant());
            for (ProductOption o : options(c, productId, optionId)) {
                store.setClosed(c, o.id(), first, last, true);
            }
            return new Closed(store.closure(c, id).orElseThrow(), store.affected(c, productId, optionId, first, last));
        });
        inventory.countersChanged();
        return done;
    }

    /** Lifts a closure: its days reopen, except those another closure still covers. */
    public Closure lift(long id) {
        Closure lifted = db.tx(c -> {
            Closure k = store.closure(c, id)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no closure " + id, String.valueOf(id)));
            if (!store.lift(c, id, clock.instant())) {
                throw new ServiceException(
                        Problem.CONFLICT, "closure " + id + " is lifted already", String.valueOf(id));
            }
            List<Closure> others = store.closures(c, k.productId(), k.firstDay());
            for (ProductOption o : options(c, k.productId(), k.optionId())) {
                for (LocalDate d = k.firstDay(); !d.isAfter(k.lastDay()); d = d.plusDays(1)) {
                    LocalDate day = d;
                    if (others.stream().noneMatch(x -> x.id() != id && x.covers(o.id(), day))) {
                        store.setClosed(c, o.id(), day, day, false);
                    }
                }
            }
            return store.closure(c, id).orElseThrow();
        });
        inventory.countersChanged();
        return lifted;
    }

    /** The product's closures that end today or later (lifted ones too, marked). */
    public List<Closed> list(String productId) {
        Product p = schedule.product(productId);
        LocalDate today = schedule.today(p);
        return db.read(c -> {
            List<Closed> out = new java.util.ArrayList<>();
            for (Closure k : store.closures(c, productId, today)) {
                out.add(new Closed(k, store.affected(c, productId, k.optionId(), k.firstDay(), k.lastDay())));
            }
            return out;
        });
    }

    private List<ProductOption> options(java.sql.Connection c, String productId, String optionId)
            throws java.sql.SQLException {
        return optionId == null
                ? catalogue.options(c, productId)
                : catalogue.option(c, optionId).map(List::of).orElse(List.of());
    }

    /** A valid closure, or a typed 400/404: known product (and option of it), today or later, a reason. */
    private Closure closure(
            String productId, String optionId, LocalDate first, LocalDate last, String reason, String by) {
        if (productId == null || productId.isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "productId is required");
        }
        Product p = schedule.product(productId);
        String option = optionId == null || optionId.isBlank() ? null : optionId;
        if (option != null && !schedule.option(option).productId().equals(productId)) {
            throw new ServiceException(Problem.BAD_REQUEST, "option " + option + " is not an option of " + productId);
        }
        if (first == null || last == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "firstDay and lastDay are required (YYYY-MM-DD)");
        }
        if (last.isBefore(first) || first.plusDays(SlotSchedule.MAX_DAYS - 1).isBefore(last)) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    "lastDay must be firstDay or later, at most " + SlotSchedule.MAX_DAYS + " days");
        }
        if (first.isBefore(schedule.today(p))) {
            throw new ServiceException(Problem.BAD_REQUEST, "firstDay must be today or later");
        }
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > 500) {
            throw new ServiceException(Problem.BAD_REQUEST, "give the reason (1-500 characters)");
        }
        return new Closure(0, productId, option, first, last, why, by, clock.instant(), false);
    }
}
