package io.scenicpass.server.counter;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.identity.IdentityService;
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
 * What a kiosk offers for a day: the active products (their default option) with the counter's prices and each slot's
 * live remaining places, from the same inventory and cache the OCTO API sells from.
 */
public final class CounterCatalogue {
    /** The day's offer. */
    public record Offer(LocalDate date, List<ProductOffer> products) {}

    /** A product: {@code realName} when every visitor (or the booker) must give a document. */
    public record ProductOffer(
            String id, String name, boolean realName, List<UnitOffer> units, List<SlotOffer> slots) {}

    public record UnitOffer(String id, String type, String name, long priceFen) {}

    /** A slot: its id (to sell in), local start and end with offset, places left now. */
    public record SlotOffer(String id, String start, String end, int remaining) {}

    private final Database db;
    private final CatalogueService catalogue;
    private final InventoryService inventory;
    private final IdentityService identities;
    private final CounterChannel channel;
    private final Clock clock;

    CounterCatalogue(
            Database db,
            CatalogueService catalogue,
            InventoryService inventory,
            IdentityService identities,
            CounterChannel channel,
            Clock clock) {
        this.db = db;
        this.catalogue = catalogue;
        this.inventory = inventory;
        this.identities = identities;
        this.channel = channel;
        this.clock = clock;
    }

    /** The park's time zone: its products' (the first active one's; UTC before there is any). */
    public ZoneId parkZone() {
        return zone(catalogue.products(channel.get().id()));
    }

    private static ZoneId zone(List<CatalogueService.ProductView> products) {
        return products.isEmpty()
                ? ZoneId.of("UTC")
                : ZoneId.of(products.get(0).product().timeZone());
    }

    /** The offer of {@code date} (null: today in the park's zone, the first product's). */
    public Offer offer(LocalDate date) {
        String ch = channel.get().id();
        List<CatalogueService.ProductView> products = catalogue.products(ch);
        LocalDate day = date != null ? date : LocalDate.now(clock.withZone(zone(products)));
        List<ProductOffer> out = new ArrayList<>();
        for (CatalogueService.ProductView pv : products) {
            CatalogueService.OptionView ov = pv.defaultOption();
            if (ov == null) {
                continue;
            }
            List<UnitOffer> units = new ArrayList<>();
            for (Unit u : ov.units()) {
                Price p = ov.price(u.id());
                if (p != null) {
                    units.add(new UnitOffer(u.id(), u.type(), u.internalName(), p.retail()));
                }
            }
            List<SlotOffer> slots = new ArrayList<>();
            for (InventoryService.SlotView s : inventory.availability(pv.product(), ov.option(), day, day, ch)) {
                if (s.slot().endAt().isAfter(clock.instant())) {
                    slots.add(new SlotOffer(
                            s.slot().id(), s.slot().localStart(), s.slot().localEnd(), s.vacancies()));
                }
            }
            String realName =
                    db.read(c -> identities.policy(c, pv.product().id())).realName();
            boolean idUnits = ov.units().stream().anyMatch(Unit::idRequired);
            out.add(new ProductOffer(
                    pv.product().id(), pv.product().internalName(), !realName.equals("NONE") || idUnits, units, slots));
        }
        return new Offer(day, out);
    }
}
