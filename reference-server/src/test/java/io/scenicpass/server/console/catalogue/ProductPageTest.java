package io.scenicpass.server.console.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.OctoCapabilities;
import io.scenicpass.channel.model.PassTerms;
import io.scenicpass.channel.model.Product;
import io.scenicpass.server.console.Role;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's product page over real HTTP: prices per channel set in yuan and cleared back to the default (seen on
 * OCTO through sdk-channel's client and in the admin API), the real-name policy and a unit's concession rule applied to
 * bookings from now on, the active and online-claim switches, pass terms shown on OCTO, each change audited; bad
 * values refused with their code in English and Chinese; a read-only operator refused on the page and the API alike.
 */
class ProductPageTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String ctrip;
    static String fliggy;

    @BeforeAll
    static void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        for (String id : List.of("tour", "hall", "gallery")) {
            ts.product(id, "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        }
        ctrip = ts.channel("ctrip", 1000, 1000, null);
        fliggy = ts.channel("fliggy", 1000, 1000, null);
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    static PageClient admin() {
        return ConsoleSignIn.as(ts, "admin", ConsoleSignIn.adminPassword(ts));
    }

    static ChannelClient octo(String key) {
        return ChannelClient.builder()
                .baseUrl(ts.url("/octo"))
                .apiKey(key)
                .capabilities(List.of(OctoCapabilities.PRICING))
                .build();
    }

    /** The retail price of {@code unitId} the channel of {@code key} sees on OCTO. */
    static int retail(String key, String productId, String unitId) {
        try (ChannelClient c = octo(key)) {
            return c.product(productId).defaultOption().getUnits().stream()
                    .filter(u -> u.getId().equals(unitId))
                    .findFirst()
                    .orElseThrow()
                    .getPricingFrom()
                    .get(0)
                    .getRetail();
        }
    }

    @Test
    void aChannelsPriceIsSetInYuanAndClearedBackToTheDefault() {
        PageClient c = admin();
        Page page = c.get("/console/catalogue/products/tour");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("data-unit=\"tour-adult\" data-channel=\"ctrip\" data-own=\"false\"");
        assertThat(page.body()).doesNotContain("??");
        Page set = c.post(
                "/console/catalogue/products/tour/price",
                Map.of("unitId", "tour-adult", "channelId", "ctrip", "retail", "88.5", "net", "80.00"));
        assertThat(set.status()).as(set.body()).isEqualTo(303);
        assertThat(c.follow(set).body())
                .contains("data-done=\"price\"", "data-unit=\"tour-adult\" data-channel=\"ctrip\" data-own=\"true\"")
                .contains("value=\"88.50\"", "value=\"80.00\"");
        assertThat(retail(ctrip, "tour", "tour-adult")).isEqualTo(8850);
        assertThat(retail(fliggy, "tour", "tour-adult")).isEqualTo(10000); // another channel keeps the default
        assertThat(ts.get("/admin/v1/products/tour/prices", TestServer.ADMIN).body())
                .contains("{\"unitId\":\"tour-adult\",\"channelId\":\"ctrip\",\"retail\":8850,\"net\":8000}");
        assertThat(ts.get("/admin/v1/audit?action=product", TestServer.ADMIN).body())
                .contains("console: product price", "productId=tour", "channelId=ctrip retail=8850 net=8000");

        Page cleared = c.post(
                "/console/catalogue/products/tour/price/clear", Map.of("unitId", "tour-adult", "channelId", "ctrip"));
        assertThat(cleared.status()).as(cleared.body()).isEqualTo(303);
        assertThat(retail(ctrip, "tour", "tour-adult")).isEqualTo(10000);
        // the default itself is changed, never cleared
        assertThat(ts.send("DELETE", "/admin/v1/prices/tour-adult/*", TestServer.ADMIN, "", Map.of())
                        .json()
                        .get("code")
                        .asText())
                .isEqualTo("BAD_REQUEST");
        Page byDefault = c.post(
                "/console/catalogue/products/tour/price",
                Map.of("unitId", "tour-child", "channelId", "*", "retail", "45"));
        assertThat(byDefault.status()).isEqualTo(303);
        assertThat(retail(ctrip, "tour", "tour-child")).isEqualTo(4500);
    }

    @Test
    void aBadAmountIsATypedErrorInEnglishAndChinese() {
        PageClient en = admin();
        en.get("/console/catalogue/products/tour");
        for (String bad : List.of("12.345", "100000.01", "abc", "-1", "")) {
            Page refused = en.post(
                    "/console/catalogue/products/tour/price",
                    Map.of("unitId", "tour-adult", "channelId", "fliggy", "retail", bad));
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.errorCode()).isEqualTo("BAD_REQUEST");
            assertThat(refused.body()).contains("Not changed:", "data-form=\"price\"", "retail");
        }
        Page unknown = en.post(
                "/console/catalogue/products/tour/price",
                Map.of("unitId", "tour-adult", "channelId", "nobody", "retail", "1"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(en.get("/console/catalogue/products/nope").status()).isEqualTo(404);

        PageClient zh = admin();
        Page page = zh.get("/console/catalogue/products/tour?lang=zh-CN"); // remembered on the session
        assertThat(page.body()).contains("各渠道价格").doesNotContain("??");
        Page refused = zh.post(
                "/console/catalogue/products/tour/price",
                Map.of("unitId", "tour-adult", "channelId", "fliggy", "retail", "1.001"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(refused.body()).contains("未修改：");
        assertThat(retail(fliggy, "tour", "tour-adult")).isEqualTo(10000); // nothing changed
    }

    @Test
    void aUnitsConcessionRuleAndTheRealNamePolicyApplyToBookingsFromNowOn() {
        PageClient c = admin();
        c.get("/console/catalogue/products/hall");
        // before: a child ticket needs no document
        assertThat(ts.post("/octo/bookings", ctrip, TestServer.reserve("R0", "hall", slot(), "hall-child"))
                        .status())
                .isEqualTo(200);
        assertThat(ts.post("/octo/bookings/R0/confirm", ctrip, "{}").status()).isEqualTo(200);

        Page rule = c.post(
                "/console/catalogue/products/hall/unit-rule",
                Map.of("unitId", "hall-child", "idRequired", "on", "minAge", "6", "maxAge", "14"));
        assertThat(rule.status()).as(rule.body()).isEqualTo(303);
        assertThat(c.follow(rule).body()).contains("data-rule=\"hall-child\" data-id-required=\"true\"");
        try (ChannelClient o = octo(ctrip)) {
            var child = o.product("hall").defaultOption().getUnits().get(1);
            assertThat(child.getRestrictions().isIdRequired()).isTrue();
            assertThat(child.getRestrictions().getMinAge()).isEqualTo(6);
            assertThat(child.getRestrictions().getMaxAge()).isEqualTo(14);
        }
        // after: the same booking without the child's document is refused at confirmation
        assertThat(ts.post("/octo/bookings", ctrip, TestServer.reserve("R1", "hall", slot(), "hall-child"))
                        .status())
                .isEqualTo(200);
        TestServer.Answer refused = ts.post("/octo/bookings/R1/confirm", ctrip, "{}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.body()).contains("unitItems[0].identity is required");

        Page badAges = c.post(
                "/console/catalogue/products/hall/unit-rule",
                Map.of("unitId", "hall-child", "minAge", "15", "maxAge", "3"));
        assertThat(badAges.status()).isEqualTo(400);
        assertThat(badAges.body()).contains("minAge must not be above maxAge");

        Page policy = c.post(
                "/console/catalogue/products/hall/real-name",
                Map.of("realName", "EVERY_VISITOR", "dailyLimit", "2", "limitScope", "PRODUCT"));
        assertThat(policy.status()).as(policy.body()).isEqualTo(303);
        assertThat(ts.get("/admin/v1/identity/products/hall/policy", TestServer.ADMIN)
                        .body())
                .contains("\"realName\":\"EVERY_VISITOR\"", "\"dailyLimit\":2");
        Page badLimit = c.post(
                "/console/catalogue/products/hall/real-name", Map.of("realName", "EVERY_VISITOR", "dailyLimit", "0"));
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body()).contains("dailyLimit must be 1..100");
        assertThat(ts.get("/admin/v1/audit?action=product", TestServer.ADMIN).body())
                .contains("console: product unitRule", "unitId=hall-child idRequired=true minAge=6 maxAge=14")
                .contains("console: product realName", "realName=EVERY_VISITOR dailyLimit=2");
    }

    @Test
    void aProductIsWithdrawnAndPutBackOnSaleAndItsOnlineClaimSwitched() {
        PageClient c = admin();
        c.get("/console/catalogue/products/gallery");
        Page off = c.post("/console/catalogue/products/gallery/active", Map.of("active", "false"));
        assertThat(off.status()).isEqualTo(303);
        assertThat(c.follow(off).body()).contains("data-product=\"gallery\" data-active=\"false\"");
        assertThat(ts.get("/octo/products/gallery", ctrip).status()).isEqualTo(400); // INVALID_PRODUCT_ID
        // a withdrawn product's pass terms are still edited (for when it is back on sale)
        Page terms = c.post(
                "/console/catalogue/products/gallery/pass-terms",
                Map.of("reentry", "AFTER_EXIT", "entriesAllowed", "0"));
        assertThat(terms.status()).as(terms.body()).isEqualTo(303);
        assertThat(ts.get("/admin/v1/products/gallery/pass-terms", TestServer.ADMIN)
                        .body())
                .contains("\"reentry\":\"AFTER_EXIT\"");
        assertThat(c.get("/console/catalogue/products").body())
                .contains("data-product=\"gallery\" data-active=\"false\"");
        assertThat(c.post("/console/catalogue/products/gallery/active", Map.of("active", "true"))
                        .status())
                .isEqualTo(303);
        assertThat(ts.get("/octo/products/gallery", ctrip).status()).isEqualTo(200);

        assertThat(c.post("/console/catalogue/products/gallery/online-claim", Map.of("onlineClaim", "false"))
                        .status())
                .isEqualTo(303);
        assertThat(ts.get("/admin/v1/products/gallery/online-claim", TestServer.ADMIN)
                        .body())
                .contains("\"onlineClaim\":false");
        Page bad = c.post("/console/catalogue/products/gallery/online-claim", Map.of("onlineClaim", "maybe"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aNewPassProductIsCreatedAndItsPassTermsShowOnOcto() {
        PageClient c = admin();
        c.get("/console/catalogue/products");
        Map<String, String> form = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("id", "twoday"),
                Map.entry("name", "Two-day pass"),
                Map.entry("passKind", "MULTI_DAY"),
                Map.entry("timeZone", "Asia/Shanghai"),
                Map.entry("cancelCutoffMinutes", "60"),
                Map.entry("openTime", "08:00"),
                Map.entry("closeTime", "18:00"),
                Map.entry("intervalMinutes", "600"),
                Map.entry("slotCapacity", "300"),
                Map.entry("unitType0", "ADULT"),
                Map.entry("unitName0", "Adult"),
                Map.entry("retail0", "120"),
                Map.entry("unitType1", "CHILD"),
                Map.entry("unitName1", "Child"),
                Map.entry("retail1", "60.50"),
                Map.entry("net1", "55"),
                Map.entry("minAge1", "3"),
                Map.entry("maxAge1", "17"),
                Map.entry("idRequired1", "on")));
        Map<String, String> badId = new java.util.HashMap<>(form);
        badId.put("id", "two day");
        Page refused = c.post("/console/catalogue/products", badId);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BAD_REQUEST");
        assertThat(refused.body()).contains("product id must be", "value=\"Two-day pass\""); // kept as typed
        Map<String, String> noUnits = new java.util.HashMap<>(form);
        noUnits.put("unitType0", "");
        noUnits.put("unitType1", "");
        assertThat(c.post("/console/catalogue/products", noUnits).body()).contains("at least one unit");

        Page made = c.post("/console/catalogue/products", form);
        assertThat(made.status()).as(made.body()).isEqualTo(303);
        assertThat(made.location()).isEqualTo("/console/catalogue/products/twoday?done=created");
        assertThat(ts.get("/admin/v1/products/twoday", TestServer.ADMIN).body())
                .contains("\"id\":\"twoday-child\"", "\"idRequired\":true", "\"minAge\":3", "\"retail\":6050")
                .contains("\"net\":5500", "\"passKind\":\"MULTI_DAY\"");
        assertThat(c.post("/console/catalogue/products", form).status()).isEqualTo(409); // the id exists

        Page terms = c.post(
                "/console/catalogue/products/twoday/pass-terms",
                Map.of("reentry", "AFTER_EXIT", "entriesAllowed", "0", "windowDays", "2", "daysAllowed", "2"));
        assertThat(terms.status()).as(terms.body()).isEqualTo(303);
        assertThat(c.follow(terms).body()).contains("data-terms=\"true\"", "id=\"windowDays\" name=\"windowDays\"");
        try (ChannelClient o = octo(ctrip)) {
            PassTerms t = o.product("twoday").getPassTerms();
            assertThat(t).as("the OCTO product carries its pass terms").isNotNull();
            assertThat(t.getReentry()).isEqualTo("AFTER_EXIT");
            assertThat(t.getWindowDays()).isEqualTo(2);
            assertThat(t.getDaysAllowed()).isEqualTo(2);
            assertThat(t.getValidityMonths()).isZero();
            Product plain = o.product("tour");
            assertThat(plain.getPassTerms()).isNull(); // a single-entry product carries none
        }
        assertThat(ts.get("/octo/products", ctrip).body()).contains("\"passTerms\":{\"reentry\":\"AFTER_EXIT\"");
        Page window = c.post(
                "/console/catalogue/products/twoday/pass-terms", Map.of("reentry", "AFTER_EXIT", "windowDays", "999"));
        assertThat(window.status()).isEqualTo(400);
        assertThat(window.body()).contains("windowDays must be 1..366");
        Page annual = c.post(
                "/console/catalogue/products/twoday/pass-terms",
                Map.of("reentry", "UNLIMITED", "validityMonths", "12"));
        assertThat(annual.status()).isEqualTo(400);
        assertThat(annual.body()).contains("validityMonths &gt; 0");
        assertThat(ts.get("/admin/v1/products/twoday/pass-terms", TestServer.ADMIN)
                        .body())
                .contains("\"windowDays\":2");
        assertThat(ts.get("/admin/v1/audit?action=product", TestServer.ADMIN).body())
                .contains("console: create product", "productId=twoday", "console: product passTerms");
    }

    @Test
    void aReadOnlyOperatorIsRefusedOnThePageAndTheApiAlike() {
        var ops = ts.server.console().operators;
        String id = ops.create("cat-reader", "Reader", Role.READ_ONLY, "reader password")
                .id();
        String token = ops.createToken(id, "script").token();
        PageClient c = ConsoleSignIn.as(ts, "cat-reader", "reader password");
        assertThat(c.get("/console/catalogue/products/tour").status()).isEqualTo(200);
        assertThat(c.get("/console/catalogue/products").status()).isEqualTo(200);
        Page price = c.post(
                "/console/catalogue/products/tour/price",
                Map.of("unitId", "tour-adult", "channelId", "ctrip", "retail", "1"));
        assertThat(price.status()).isEqualTo(403);
        assertThat(price.errorCode()).isEqualTo("FORBIDDEN");
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/prices",
                                token,
                                "{\"unitId\":\"tour-adult\",\"channelId\":\"ctrip\",\"retail\":1}",
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(c.post("/console/catalogue/products/tour/unit-rule", Map.of("unitId", "tour-adult"))
                        .status())
                .isEqualTo(403);
        assertThat(ts.send(
                                "PUT",
                                "/admin/v1/products/tour/units/tour-adult/rule",
                                token,
                                "{\"idRequired\":true}",
                                Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(ts.send("DELETE", "/admin/v1/prices/tour-adult/ctrip", token, "", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(c.post("/console/catalogue/products/tour/pass-terms", Map.of("reentry", "UNLIMITED"))
                        .status())
                .isEqualTo(403);
        assertThat(c.post("/console/catalogue/products", Map.of("id", "nope")).status())
                .isEqualTo(403);
        assertThat(ts.get("/admin/v1/products/tour/prices", token).status()).isEqualTo(200);
        assertThat(retail(ctrip, "tour", "tour-adult")).isEqualTo(10000);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        PageClient c = admin();
        c.get("/console/catalogue/products/tour");
        Page forged = c.post(
                "/console/catalogue/products/tour/price",
                Map.of("_csrf", "forged", "unitId", "tour-adult", "channelId", "ctrip", "retail", "1"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.errorCode()).isEqualTo("CSRF");
        Page none = c.post("/console/catalogue/products/tour/active", Map.of("_csrf", "", "active", "false"));
        assertThat(none.status()).isEqualTo(403);
        assertThat(none.errorCode()).isEqualTo("CSRF");
        assertThat(ts.get("/octo/products/tour", ctrip).status()).isEqualTo(200);
    }

    /** A slot of the test day (10:00 local). */
    static String slot() {
        return "2026-06-02T10:00:00+08:00";
    }
}
