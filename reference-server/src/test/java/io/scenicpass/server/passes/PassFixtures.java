package io.scenicpass.server.passes;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.testing.TestServer;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Pass products for tests: zone "park", channel "ota", products sold one slot a day 08:00-18:00 (Asia/Shanghai). */
public final class PassFixtures {
    /** The first visit day's one slot (2026-06-02, the day after TestServer.START). */
    public static final String DAY1 = "2026-06-02T08:00:00+08:00";

    public static final String ANNUAL_TERMS =
            "{\"reentry\":\"UNLIMITED\",\"entriesAllowed\":0,\"entriesPerDay\":1,\"validityMonths\":12,"
                    + "\"activationDays\":90,\"refundFee\":2000}";
    public static final String TWO_DAY_TERMS =
            "{\"reentry\":\"AFTER_EXIT\",\"entriesAllowed\":0,\"windowDays\":2,\"daysAllowed\":2}";

    private PassFixtures() {}

    /** Zone park, gate-a (IN) and gate-b (OUT) there, channel "ota"; returns the channel's key. */
    public static String setUp(TestServer ts) {
        ts.server.admin().putZone(new SiteStore.Zone("park", "Park"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        ts.server.admin().putGate(new SiteStore.Gate("gate-b", "Gate B", "park", "OUT"));
        return ts.channel("ota", 10_000, 10_000, "http://203.0.113.9:9/hook"); // TEST-NET-3, public
    }

    /** A product of {@code kind} (zone park) with one adult unit {@code <id>-adult} at {@code price}, and its terms. */
    public static void product(TestServer ts, String id, String kind, long price, String terms) {
        product(ts, id, kind, price, terms, false);
    }

    /** As above; {@code realName}: its unit needs the holder's document (the pass is bought in someone's name). */
    public static void product(TestServer ts, String id, String kind, long price, String terms, boolean realName) {
        String opt = id + "-opt";
        ts.server
                .catalogue()
                .create(new ProductSpec(
                        new Product(
                                id,
                                "Pass " + id,
                                id.toUpperCase(),
                                "Asia/Shanghai",
                                kind,
                                false,
                                List.of("park"),
                                null,
                                0,
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
                                        600,
                                        500,
                                        Set.of(),
                                        Set.of()),
                                List.of(new UnitSpec(
                                        new Unit(id + "-adult", opt, "ADULT", "Adult", null, null, realName, 1),
                                        price,
                                        price * 9 / 10))))));
        if (terms != null) {
            TestServer.Answer a = ts.send(
                    "PUT", "/admin/v1/products/" + id + "/pass-terms", TestServer.ADMIN, terms, java.util.Map.of());
            if (a.status() != 200) {
                throw new AssertionError(a.body());
            }
        }
    }

    /**
     * For the admin route tables (bad bodies, fuzzing): product "annual" with the annual terms and one annual pass sold
     * through channel {@code channelKey} (zone park and the channel made already); returns the sold pass's id.
     */
    public static String soldAnnualPass(TestServer ts, String channelKey) {
        product(ts, "annual", "ANNUAL", 30000, ANNUAL_TERMS);
        return io.scenicpass.core.PassCodec.decode(book(ts, channelKey, "annual-1", "annual", DAY1))
                .claims()
                .passId();
    }

    /** Reserves and confirms one adult of {@code productId} on {@code slot} through OCTO; returns the pass text. */
    public static String book(TestServer ts, String key, String uuid, String productId, String slot) {
        TestServer.Answer held =
                ts.post("/octo/bookings", key, TestServer.reserve(uuid, productId, slot, productId + "-adult"));
        if (held.status() != 200) {
            throw new AssertionError(held.body());
        }
        TestServer.Answer ok = ts.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
        if (ok.status() != 200) {
            throw new AssertionError(ok.body());
        }
        JsonNode item = ok.json().get("unitItems").get(0);
        return item.get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
    }
}
