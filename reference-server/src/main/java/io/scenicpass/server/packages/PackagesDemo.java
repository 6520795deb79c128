package io.scenicpass.server.packages;

import io.scenicpass.server.ScenicPassServer;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * The demo's package (once): {@code park-hotel-bus}, the park's entry with a night at the Lakeside Hotel (one room per
 * booking, 72 h cutoff) and the city bus there and back (a seat per person, 24 h cutoff), with 90 days of allotments.
 */
public final class PackagesDemo {
    public static final String PRODUCT = "park-hotel-bus";

    private PackagesDemo() {}

    public static void seed(ScenicPassServer server, LocalDate today) {
        if (server.admin().setting("demo.packages") != null) {
            return;
        }
        String opt = PRODUCT + "-std";
        server.catalogue()
                .create(new ProductSpec(
                        new Product(
                                PRODUCT,
                                "门票+酒店+巴士 Park, hotel night and bus",
                                "PARK-HOTEL-BUS",
                                DemoSeeder.ZONE,
                                "TIMED_SLOT",
                                false,
                                List.of("park"),
                                DemoSeeder.PARK_POOL,
                                24 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                new ProductOption(
                                        opt,
                                        PRODUCT,
                                        "Entry, Lakeside double room, bus",
                                        true,
                                        LocalTime.of(8, 0),
                                        LocalTime.of(18, 0),
                                        120,
                                        200,
                                        Set.of(),
                                        Set.of()),
                                List.of(
                                        new UnitSpec(
                                                new Unit(
                                                        PRODUCT + "-adult",
                                                        opt,
                                                        "ADULT",
                                                        "成人 Adult",
                                                        18,
                                                        null,
                                                        false,
                                                        1),
                                                68000,
                                                61200),
                                        new UnitSpec(
                                                new Unit(PRODUCT + "-child", opt, "CHILD", "儿童 Child", 6, 17, false, 1),
                                                34000,
                                                30600))))));
        PackagesModule m = server.packages();
        m.partners.putPartner("lakeside-hotel", new Partners.PartnerInput("湖畔酒店 Lakeside Hotel"));
        m.partners.putPartner("city-bus", new Partners.PartnerInput("黄山巴士 City Bus"));
        m.partners.putResource(
                "lakeside-hotel",
                "lakeside-double",
                new Partners.ResourceInput("HOTEL", "双人间 Double room", 38000L, "CNY", 72));
        m.partners.putResource(
                "city-bus", "bus-return", new Partners.ResourceInput("BUS", "往返巴士 Return bus", 3000L, "CNY", 24));
        String from = today.toString();
        String to = today.plusDays(89).toString();
        m.partners.setAllotments("lakeside-hotel", "lakeside-double", new Partners.AllotmentInput(from, to, 20));
        m.partners.setAllotments("city-bus", "bus-return", new Partners.AllotmentInput(from, to, 200));
        m.packages.put(
                PRODUCT,
                new Packages.PackageInput(List.of(
                        new Packages.PartInput("lakeside-double", 0, "BOOKING"),
                        new Packages.PartInput("bus-return", 0, "PERSON"))));
        server.admin().settingIfAbsent("demo.packages", "true");
    }
}
