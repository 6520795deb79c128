package io.scenicpass.server.identity;

import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.document.ChineseIdNumber;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/**
 * A real-name product for the identity tests: {@code rn} with an adult unit (no document), a senior unit (60+) and a
 * child unit (6-18), both real-name; slots every 2 h from 08:00 in Asia/Shanghai; and valid CN_ID numbers.
 */
public final class IdentityFixture {
    public static final String SLOT = "2026-06-02T10:00:00+08:00";
    public static final String NEXT_DAY_SLOT = "2026-06-03T10:00:00+08:00";

    private IdentityFixture() {}

    /** Creates product {@code id} (units {@code <id>-adult}, {@code <id>-senior}, {@code <id>-child}). */
    public static void product(TestServer ts, String id, boolean group) {
        String opt = id + "-opt";
        ts.server
                .catalogue()
                .create(new ProductSpec(
                        new Product(
                                id,
                                "Real-name " + id,
                                id,
                                "Asia/Shanghai",
                                "TIMED_SLOT",
                                group,
                                List.of("park"),
                                null,
                                60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                new ProductOption(
                                        opt,
                                        id,
                                        "Option",
                                        true,
                                        LocalTime.of(8, 0),
                                        LocalTime.of(18, 0),
                                        120,
                                        100,
                                        Set.of(),
                                        Set.of()),
                                List.of(
                                        unit(new Unit(id + "-adult", opt, "ADULT", "Adult", null, null, false, 1)),
                                        unit(new Unit(id + "-senior", opt, "SENIOR", "Senior", 60, null, true, 1)),
                                        unit(new Unit(id + "-child", opt, "CHILD", "Child", 6, 18, true, 1)))))));
    }

    private static UnitSpec unit(Unit u) {
        return new UnitSpec(u, 10000, 9000);
    }

    /** A valid CN_ID number: Hangzhou region, born {@code yyyymmdd}, sequence {@code seq} (3 digits). */
    public static String cnId(String yyyymmdd, String seq) {
        String first17 = "330106" + yyyymmdd + seq;
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    /** {@code {"type":…,"number":…,"name":…}} (plus country when given). */
    public static String identity(String type, String number, String name, String country) {
        return "{\"type\":\"" + type + "\",\"number\":\"" + number + "\",\"name\":\"" + name + "\""
                + (country == null ? "" : ",\"country\":\"" + country + "\"") + "}";
    }

    /** A reservation body: unit items as {@code unitId} or {@code unitId=identityJson}. */
    public static String reserve(String uuid, String productId, String slot, String... items) {
        StringBuilder sb = new StringBuilder();
        for (String it : items) {
            int eq = it.indexOf('=');
            sb.append(sb.length() == 0 ? "" : ",")
                    .append("{\"unitId\":\"")
                    .append(eq < 0 ? it : it.substring(0, eq))
                    .append('"')
                    .append(eq < 0 ? "" : ",\"identity\":" + it.substring(eq + 1))
                    .append('}');
        }
        return "{\"uuid\":\"" + uuid + "\",\"productId\":\"" + productId + "\",\"availabilityId\":\"" + slot
                + "\",\"unitItems\":[" + sb + "]}";
    }
}
