package io.scenicpass.server.demo;

import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.sales.BookingCommands;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.InventoryService;
import io.scenicpass.server.sales.store.Booking;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A few sold-out slots for the demo's shop (issue #18): the cable car's first slot tomorrow and the day after is sold
 * to the official website in real bookings of ten, so the shop shows its "sold out" light and the waiting list. Run
 * at every start of {@code ./scenicpass demo} (not by {@link DemoSeeder}: tests book those slots): places freed since
 * are sold again.
 */
public final class DemoSoldOut {
    static final String PRODUCT = "park-cablecar";
    static final String OPTION = "park-cablecar-std";
    static final String UNIT = "park-cablecar-adult";
    static final String CHANNEL = "official-site";

    private DemoSoldOut() {}

    /** Sells out the first cable car slot of tomorrow and the day after (park time); returns the places sold. */
    public static int seed(ScenicPassServer server) {
        return seed(server, LocalDate.now(server.clock().withZone(java.time.ZoneId.of(DemoSeeder.ZONE))), 2);
    }

    /** Sells out the first slot of {@code days} days from {@code today + 1}; returns the places sold. */
    static int seed(ScenicPassServer server, LocalDate today, int days) {
        CatalogueService.ProductView pv = server.catalogue().product(PRODUCT, CHANNEL);
        Channel ch = server.channels().find(CHANNEL).orElseThrow();
        List<InventoryService.SlotView> firsts = new ArrayList<>();
        for (InventoryService.DayView d : server.inventory()
                .calendar(pv.product(), pv.option(OPTION).option(), today.plusDays(1), today.plusDays(days), CHANNEL)) {
            if (!d.slots().isEmpty()) {
                firsts.add(d.slots().get(0));
            }
        }
        int sold = 0;
        for (InventoryService.SlotView s : firsts) {
            String availabilityId = s.slot().id().substring(s.slot().id().lastIndexOf('|') + 1);
            for (int left = s.vacancies(); left > 0; ) {
                int party = Math.min(10, left);
                List<BookingCommands.Item> items = new ArrayList<>();
                for (int i = 0; i < party; i++) {
                    items.add(new BookingCommands.Item(UNIT, null));
                }
                String uuid = "demo-sold-out-" + s.slot().localDate() + "-" + java.util.UUID.randomUUID();
                Booking b = server.bookings()
                        .reserve(
                                ch,
                                new BookingCommands.Reserve(
                                        uuid, uuid, PRODUCT, OPTION, availabilityId, items, null, null));
                server.bookings().confirm(ch, b.uuid(), new BookingCommands.Confirm(null));
                left -= party;
                sold += party;
            }
        }
        return sold;
    }
}
