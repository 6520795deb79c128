package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every admin route that reads a body, from the running server's route table, gets a table of bad bodies: unknown
 * field, wrong type, out-of-range, negative and overflowing numbers, fractions, empty body, {@code null}, an array,
 * trailing data, duplicate keys, a huge string, missing and null required fields. Each is a typed 400
 * ({@code {code, message}}, no stack trace) and afterwards every table of the database is exactly as before.
 */
class AdminBadBodiesTest {
    /** Admin writes that read no body (nothing to refuse). */
    static final Set<String> BODYLESS = Set.of(
            "POST /admin/v1/channels/{}/keys",
            "POST /admin/v1/channels/{}/keys/rotate",
            "POST /admin/v1/channels/{}/deliveries/{}/redeliver",
            "POST /admin/v1/flow/alerts/{}/acknowledge",
            "POST /admin/v1/partners/{}/token",
            "POST /admin/v1/keys/rotate",
            "POST /admin/v1/keys/{}/compromised",
            "POST /admin/v1/terminals/{}/revoke",
            "POST /admin/v1/delegations/{}/revoke",
            "POST /admin/v1/flow/alerts/evaluate",
            "POST /admin/v1/inventory/repair",
            "POST /admin/v1/invoices/{}/erase",
            "POST /admin/v1/operators/{}/unlock",
            "POST /admin/v1/annual-passes/{}/unfreeze",
            "POST /admin/v1/annual-passes/{}/refund",
            "POST /admin/v1/bookings/{}/resend",
            "POST /admin/v1/offers/{}/pause",
            "POST /admin/v1/offers/{}/resume",
            "POST /admin/v1/visitors/{}/member-code");

    static final String HUGE = "x".repeat(100_000);
    /** A valid CN_ID number for the identity routes. */
    static final String DOCUMENT = io.scenicpass.server.identity.IdentityFixture.cnId("19800101", "555");
    /** Top-level fields a route may go without (defaulted or optional); leaving out any other one is a 400. */
    static final Map<String, Set<String>> OPTIONAL = Map.ofEntries(
            Map.entry("PUT /admin/v1/prices", Set.of("channelId", "net")),
            Map.entry("PUT /admin/v1/products/{}/units/{}/rule", Set.of("minAge", "maxAge")),
            Map.entry("POST /admin/v1/channels", Set.of("name", "kind", "ratePerSecond", "burst")),
            Map.entry("POST /admin/v1/blacklist", Set.of("note")),
            Map.entry("POST /admin/v1/identity/blacklist", Set.of("country", "expiresAt")),
            Map.entry("POST /admin/v1/identity/blacklist/remove", Set.of("country")),
            Map.entry("POST /admin/v1/identity/erase", Set.of("country")),
            Map.entry("PUT /admin/v1/identity/products/{}/policy", Set.of("dailyLimit", "limitScope")),
            Map.entry("PUT /admin/v1/identity/faces/{}", Set.of("photo", "source")),
            Map.entry("POST /admin/v1/identity/face-captures", Set.of("photo", "source")),
            Map.entry("PUT /admin/v1/identity/face-settings", Set.of("retentionDays", "keepPhotos")),
            Map.entry("PUT /admin/v1/channels/{}/ctrip", Set.of("noticeUrl")),
            Map.entry("POST /admin/v1/enrollment-tokens", Set.of("label", "ttlHours")),
            Map.entry("POST /admin/v1/cashiers", Set.of("role")),
            Map.entry("POST /admin/v1/terminal-messages", Set.of("zh", "en")),
            Map.entry("PUT /admin/v1/passes/{}/credentials", Set.of("holderBindings", "cardUids", "biometricSubjects")),
            Map.entry("PUT /admin/v1/products/{}/content/{}", Set.of("title", "durationMinutesFrom", "updatedBy")),
            Map.entry("POST /admin/v1/operators", Set.of("name", "active")),
            Map.entry("PUT /admin/v1/zones/{}", Set.of("neighbours")),
            Map.entry("PUT /admin/v1/partners/{}/resources/{}", Set.of("currency")),
            Map.entry(
                    "PUT /admin/v1/products/{}/pass-terms",
                    Set.of(
                            "reentry",
                            "entriesAllowed",
                            "entriesPerDay",
                            "daysAllowed",
                            "windowDays",
                            "validityMonths",
                            "activationDays",
                            "refundFee")),
            Map.entry("POST /admin/v1/annual-passes/{}/renew", Set.of("price")),
            Map.entry("POST /admin/v1/bookings/{}/refund", Set.of("passIds")),
            Map.entry("POST /admin/v1/counter/sales/{}/refund", Set.of("passIds")),
            Map.entry("POST /admin/v1/offers", Set.of("code", "unitType")),
            Map.entry("PUT /admin/v1/offers/{}", Set.of("code", "unitType")));

    @TempDir
    static Path dir;

    static TestServer ts;
    static String slot1;
    static String slot2;
    /** A sold pass, for the face routes. */
    static String facePass;
    /** A paid shop order (the operator's refund route). */
    static String shopOrder;
    /** The two passes of a sold booking (the console's void and reissue routes). */
    static String[] passes;
    /** An offer, for the offers' PUT route. */
    static String offerId;
    /** A BOX_OFFICE device (offline-selling allotments). */
    static String boxOffice;

    /**
     * One admin route: a valid body, the path (pointer) of a numeric field with its documented bounds (null: none), a
     * string field, and whether the body has required fields ({} refused).
     */
    record Route(
            String route,
            String path,
            String valid,
            String number,
            long min,
            long max,
            boolean numberRequired,
            String text,
            boolean requiresFields) {}

    @BeforeAll
    static void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 10, false, 60, "park-day");
        ts.server.catalogue().setDayPoolDefault("park-day", 500);
        String ota = ts.channel("ota", 1000, 1000, null);
        ts.post(
                "/octo/bookings",
                ota,
                TestServer.reserve("BB1", "tour", "2026-06-02T10:00:00+08:00", "tour-adult", "tour-adult"));
        JsonNode sold = ts.post("/octo/bookings/BB1/confirm", ota, "{}").json();
        passes = new String[2];
        for (int i = 0; i < 2; i++) {
            passes[i] = io.scenicpass.core.PassCodec.decode(sold.get("unitItems")
                            .get(i)
                            .get("ticket")
                            .get("deliveryOptions")
                            .get(0)
                            .get("deliveryValue")
                            .asText())
                    .claims()
                    .passId();
        }
        long visitor = ts.server
                .database()
                .tx(c -> new io.scenicpass.server.shop.account.store.ShopVisitorStore()
                        .insert(c, "bad-bodies", "EMAIL", "x", "zh-CN", 0));
        shopOrder = io.scenicpass.server.testing.PaidShopOrder.of(
                        ts,
                        visitor,
                        "tour",
                        "2026-06-02T14:00:00+08:00",
                        List.of(new io.scenicpass.server.shop.checkout.ShopCheckout.Line("tour-adult", null)))
                .uuid();
        ts.server.admin().putZone(new io.scenicpass.server.admin.store.SiteStore.Zone("park", "Park"));
        ts.server
                .admin()
                .putGate(new io.scenicpass.server.admin.store.SiteStore.Gate("gate-a", "Gate A", "park", "IN"));
        facePass = io.scenicpass.server.terminal.TerminalFixtures.passId(
                io.scenicpass.server.terminal.TerminalFixtures.book(
                        ts, ts.channel("face-ota", 1000, 1000, null), "bad-bodies-face"));
        JsonNode slots = ts.get("/admin/v1/slots?productId=tour&from=2026-06-02", TestServer.ADMIN)
                .json();
        slot1 = slots.get(1).get("slotId").asText();
        slot2 = slots.get(2).get("slotId").asText();
        ts.server.boxOffice().cashiers.create("c0", "Cashier 0", "CASHIER", "1234");
        String code = ts.post(
                        "/admin/v1/enrollment-tokens",
                        TestServer.ADMIN,
                        "{\"gateId\":\"gate-a\",\"role\":\"BOX_OFFICE\"}")
                .json()
                .get("enrollmentCode")
                .asText();
        boxOffice = new io.scenicpass.terminal.sync.Provisioning(
                        new io.scenicpass.terminal.sync.CredentialStore(dir.resolve("box-office.json")))
                .enroll(code, "box office", "SP-TEST")
                .deviceId();
        annualPass = io.scenicpass.server.passes.PassFixtures.soldAnnualPass(ts, "key-ota");
        operatorId = ts.server
                .console()
                .operators
                .create("op-bad", "Bad Bodies", io.scenicpass.server.console.Role.READ_ONLY, "a-long-password-1")
                .id();
        PackagesBadBodies.partner(ts); // a partner and its resource for the packages' routes
        CounterRefundsBadBodies.sale(ts, dir.resolve("box-office.json"), slot1); // a paid counter sale to refund
        VisitorsBadBodies.visitor(ts); // a visitor of the hub
        offerId = ts.send(
                        "POST",
                        "/admin/v1/offers",
                        TestServer.ADMIN,
                        "{\"title\":\"Kept\",\"kind\":\"AMOUNT\",\"amount\":100,\"code\":\"KEPT\"}",
                        Map.of())
                .json()
                .path("id")
                .asText();
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    /** An annual pass sold at start: the valid bodies activate, renew, freeze it and appeal (in that order). */
    static String annualPass;

    /** An operator whose account the PATCH route changes (made at start). */
    static String operatorId;

    static String enc(String slotId) {
        return slotId.replace("|", "%7C").replace("+", "%2B");
    }

    static List<Route> routes() {
        List<Route> all = new ArrayList<>(PackagesBadBodies.routes("/admin/v1"));
        all.addAll(VisitorsBadBodies.routes("/admin/v1"));
        all.addAll(CatalogueBadBodies.routes("/admin/v1"));
        all.addAll(SlotsBadBodies.routes("/admin/v1"));
        all.addAll(CounterRefundsBadBodies.routes("/admin/v1"));
        all.addAll(coreRoutes());
        return all;
    }

    /** The routes of the server's core features (packages list theirs in {@link PackagesBadBodies}). */
    static List<Route> coreRoutes() {
        String a = "/admin/v1";
        String product = AdminApiTest.PRODUCT.replace("museum", "hall");
        return List.of(
                new Route(
                        "POST " + a + "/offers",
                        a + "/offers",
                        "{\"title\":\"Ten off\",\"kind\":\"AMOUNT\",\"amount\":1000,\"code\":\"TEN\",\"unitType\":\"CHILD\"}",
                        "amount",
                        1,
                        10_000_000,
                        true,
                        "title",
                        true),
                new Route(
                        "PUT " + a + "/offers/{}",
                        a + "/offers/" + offerId,
                        "{\"title\":\"Ten off\",\"kind\":\"AMOUNT\",\"amount\":1000,\"code\":\"KEPT\",\"unitType\":\"CHILD\"}",
                        "amount",
                        1,
                        10_000_000,
                        true,
                        "title",
                        true),
                new Route(
                        "POST " + a + "/notices",
                        a + "/notices",
                        "{\"kind\":\"PARKING\",\"severity\":\"WARNING\",\"titleZh\":\"满\",\"titleEn\":\"Full\","
                                + "\"bodyZh\":\"请停 P2\",\"bodyEn\":\"Use P2\",\"from\":\"2026-06-01\",\"until\":\"2026-06-02\"}",
                        null,
                        0,
                        0,
                        false,
                        "titleEn",
                        true),
                new Route(
                        "PUT " + a + "/zones/{}",
                        a + "/zones/play",
                        "{\"nameZh\":\"游乐\",\"nameEn\":\"Play\",\"kind\":\"PLAY_ZONE\",\"capacity\":50}",
                        "capacity",
                        1,
                        io.scenicpass.server.Bounds.MAX_CAPACITY,
                        true,
                        "nameEn",
                        true),
                new Route(
                        "PUT " + a + "/waitlist/settings",
                        a + "/waitlist/settings",
                        "{\"acceptMinutes\":30}",
                        "acceptMinutes",
                        5,
                        1440,
                        true,
                        null,
                        true),
                new Route(
                        "POST " + a + "/operators",
                        a + "/operators",
                        "{\"login\":\"op-new\",\"name\":\"Op\",\"role\":\"read-only\",\"password\":\"a-long-password-2\"}",
                        null,
                        0,
                        0,
                        false,
                        "login",
                        true),
                new Route(
                        "PATCH " + a + "/operators/{}",
                        a + "/operators/" + operatorId,
                        "{\"name\":\"Renamed\"}",
                        null,
                        0,
                        0,
                        false,
                        "name",
                        false),
                new Route(
                        "POST " + a + "/products",
                        a + "/products",
                        product,
                        "options/0/option/slotCapacity",
                        0,
                        1_000_000,
                        true,
                        "product/internalName",
                        true),
                new Route(
                        "PUT " + a + "/products/{}/active",
                        a + "/products/tour/active",
                        "{\"active\":true}",
                        null,
                        0,
                        0,
                        false,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/products/{}/pass-terms",
                        a + "/products/tour/pass-terms",
                        "{\"reentry\":\"AFTER_EXIT\",\"entriesAllowed\":0,\"entriesPerDay\":2,\"daysAllowed\":0,"
                                + "\"windowDays\":1,\"validityMonths\":0,\"activationDays\":0,\"refundFee\":0}",
                        "entriesPerDay",
                        0,
                        100,
                        false,
                        "reentry",
                        false),
                new Route(
                        "POST " + a + "/annual-passes/{}/activate",
                        a + "/annual-passes/" + annualPass + "/activate",
                        "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"" + DOCUMENT + "\",\"name\":\"张三\"},"
                                + "\"enrolment\":{\"source\":\"ADMIN\",\"reference\":\"face-1\"}}",
                        null,
                        0,
                        0,
                        false,
                        "enrolment/reference",
                        true),
                new Route(
                        "POST " + a + "/annual-passes/{}/renew",
                        a + "/annual-passes/" + annualPass + "/renew",
                        "{\"price\":28000}",
                        "price",
                        0,
                        10_000_000,
                        false,
                        null,
                        false),
                new Route(
                        "POST " + a + "/annual-passes/{}/freeze",
                        a + "/annual-passes/" + annualPass + "/freeze",
                        "{\"reason\":\"lent\"}",
                        null,
                        0,
                        0,
                        false,
                        "reason",
                        true),
                new Route(
                        "POST " + a + "/annual-passes/{}/appeal",
                        a + "/annual-passes/" + annualPass + "/appeal",
                        "{\"appeal\":\"mine\"}",
                        null,
                        0,
                        0,
                        false,
                        "appeal",
                        true),
                new Route(
                        "PUT " + a + "/products/{}/online-claim",
                        a + "/products/tour/online-claim",
                        "{\"onlineClaim\":true}",
                        null,
                        0,
                        0,
                        false,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/prices",
                        a + "/prices",
                        "{\"unitId\":\"tour-adult\",\"channelId\":\"*\",\"retail\":10000,\"net\":9000}",
                        "retail",
                        0,
                        10_000_000,
                        true,
                        "unitId",
                        true),
                new Route(
                        "PUT " + a + "/slots/{}/capacity",
                        a + "/slots/" + enc(slot1) + "/capacity",
                        "{\"capacity\":10}",
                        "capacity",
                        0,
                        1_000_000,
                        true,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/slots/{}/closed",
                        a + "/slots/" + enc(slot1) + "/closed",
                        "{\"closed\":false}",
                        null,
                        0,
                        0,
                        false,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/slots/{}/allotments/{}",
                        a + "/slots/" + enc(slot1) + "/allotments/ota",
                        "{\"capacity\":5}",
                        "capacity",
                        0,
                        1_000_000,
                        true,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/counter/allotments",
                        a + "/counter/allotments",
                        "{\"deviceId\":\"" + boxOffice + "\",\"slotId\":\"" + slot2 + "\",\"quantity\":1}",
                        "quantity",
                        0,
                        1_000_000,
                        true,
                        "deviceId",
                        true),
                new Route(
                        "PUT " + a + "/day-pools/{}/{}",
                        a + "/day-pools/park-day/2026-06-02",
                        "{\"capacity\":100}",
                        "capacity",
                        0,
                        1_000_000,
                        true,
                        null,
                        true),
                new Route(
                        "POST " + a + "/channels",
                        a + "/channels",
                        "{\"id\":\"new-ch\",\"name\":\"N\",\"kind\":\"OTA\",\"ratePerSecond\":10,\"burst\":10}",
                        "ratePerSecond",
                        1,
                        100_000,
                        false,
                        "name",
                        true),
                new Route(
                        "PUT " + a + "/channels/{}",
                        a + "/channels/ota",
                        "{\"name\":\"OTA\",\"kind\":\"OTA\",\"ratePerSecond\":10,\"burst\":10,\"active\":true}",
                        "ratePerSecond",
                        1,
                        100_000,
                        true,
                        "name",
                        true),
                new Route(
                        "PATCH " + a + "/channels/{}",
                        a + "/channels/ota",
                        "{\"ratePerSecond\":10}",
                        "ratePerSecond",
                        1,
                        100_000,
                        true,
                        null,
                        true),
                new Route(
                        "POST " + a + "/blacklist",
                        a + "/blacklist",
                        "{\"binding\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"note\":\"n\"}",
                        null,
                        0,
                        0,
                        false,
                        "note",
                        true),
                // identity (issue 14): add, then remove (the valid bodies run in this order), erase, policy
                new Route(
                        "POST " + a + "/identity/blacklist",
                        a + "/identity/blacklist",
                        "{\"type\":\"CN_ID\",\"number\":\"" + DOCUMENT + "\",\"reason\":\"r\",\"addedBy\":\"ops\"}",
                        null,
                        0,
                        0,
                        false,
                        "reason",
                        true),
                new Route(
                        "POST " + a + "/identity/blacklist/remove",
                        a + "/identity/blacklist/remove",
                        "{\"type\":\"CN_ID\",\"number\":\"" + DOCUMENT + "\",\"removedBy\":\"ops\"}",
                        null,
                        0,
                        0,
                        false,
                        "removedBy",
                        true),
                new Route(
                        "POST " + a + "/identity/erase",
                        a + "/identity/erase",
                        "{\"type\":\"CN_ID\",\"number\":\"" + DOCUMENT + "\"}",
                        null,
                        0,
                        0,
                        false,
                        "number",
                        true),
                new Route(
                        "PUT " + a + "/products/{}/content/{}",
                        a + "/products/tour/content/en",
                        "{\"title\":\"Tour\",\"durationMinutesFrom\":60,\"updatedBy\":\"ops\"}",
                        "durationMinutesFrom",
                        0,
                        io.scenicpass.server.Bounds.MAX_CUTOFF_MINUTES,
                        false,
                        "title",
                        false),
                new Route(
                        "PUT " + a + "/identity/faces/{}",
                        a + "/identity/faces/" + facePass,
                        "{\"template\":\"AAECAwQ=\",\"source\":\"KIOSK\"}",
                        null,
                        0,
                        0,
                        false,
                        "template",
                        true),
                new Route(
                        "POST " + a + "/identity/face-captures",
                        a + "/identity/face-captures",
                        "{\"template\":\"AAECAwQ=\",\"source\":\"SHOP\"}",
                        null,
                        0,
                        0,
                        false,
                        "template",
                        true),
                new Route(
                        "PUT " + a + "/identity/face-settings",
                        a + "/identity/face-settings",
                        "{\"retentionDays\":30,\"keepPhotos\":false}",
                        "retentionDays",
                        0,
                        3650,
                        false,
                        null,
                        false),
                new Route(
                        "PUT " + a + "/identity/products/{}/policy",
                        a + "/identity/products/tour/policy",
                        "{\"realName\":\"BOOKER\",\"dailyLimit\":2,\"limitScope\":\"SITE\"}",
                        "dailyLimit",
                        1,
                        100,
                        false,
                        "realName",
                        true),
                new Route(
                        "PUT " + a + "/products/{}/questions",
                        a + "/products/tour/questions",
                        "{\"questions\":[{\"id\":\"q1\",\"title\":\"Hotel\",\"inputType\":\"text\"}]}",
                        null,
                        0,
                        0,
                        false,
                        null,
                        true),
                new Route(
                        "PUT " + a + "/payments/provider",
                        a + "/payments/provider",
                        "{\"provider\":\"simulated\"}",
                        null,
                        0,
                        0,
                        false,
                        "provider",
                        true),
                new Route(
                        "PUT " + a + "/channels/{}/ctrip",
                        a + "/channels/ota/ctrip",
                        "{\"accountId\":\"ctrip-bad-bodies\",\"signKey\":\"bad-bodies-key\",\"noticeUrl\":null}",
                        null,
                        0,
                        0,
                        false,
                        "accountId",
                        true),
                new Route(
                        "POST " + a + "/gates",
                        a + "/gates",
                        "{\"id\":\"gate-new\",\"name\":\"G\",\"zoneId\":\"park\",\"direction\":\"IN\"}",
                        null,
                        0,
                        0,
                        false,
                        "name",
                        true),
                new Route(
                        "POST " + a + "/enrollment-tokens",
                        a + "/enrollment-tokens",
                        "{\"gateId\":\"gate-a\",\"label\":\"x\",\"ttlHours\":24}",
                        "ttlHours",
                        1,
                        720,
                        false,
                        "label",
                        true),
                new Route(
                        "PUT " + a + "/terminal-config",
                        a + "/terminal-config",
                        "{\"earlyToleranceSeconds\":1800,"
                                + "\"lateToleranceSeconds\":900,\"rules\":[],\"messages\":{},\"healthCertificateRequired\":false}",
                        "earlyToleranceSeconds",
                        0,
                        86_400,
                        true,
                        null,
                        true),
                new Route(
                        "POST " + a + "/cashiers",
                        a + "/cashiers",
                        "{\"id\":\"c1\",\"name\":\"Cashier 1\",\"role\":\"CASHIER\",\"pin\":\"4321\"}",
                        null,
                        0,
                        0,
                        false,
                        "name",
                        true),
                new Route(
                        "PATCH " + a + "/cashiers/{}",
                        a + "/cashiers/c0",
                        "{\"name\":\"Cashier Zero\"}",
                        null,
                        0,
                        0,
                        false,
                        "name",
                        true),
                new Route(
                        "PATCH " + a + "/terminal-config",
                        a + "/terminal-config",
                        "{\"lateToleranceSeconds\":600}",
                        "lateToleranceSeconds",
                        0,
                        86_400,
                        true,
                        null,
                        true),
                new Route(
                        "POST " + a + "/terminal-messages",
                        a + "/terminal-messages",
                        "{\"zh\":\"你好\",\"en\":\"Hello\"}",
                        null,
                        0,
                        0,
                        false,
                        "en",
                        true),
                new Route(
                        "POST " + a + "/bookings/{}/refund",
                        a + "/bookings/" + shopOrder + "/refund",
                        "{\"reason\":\"storm\",\"passIds\":[]}",
                        null,
                        0,
                        0,
                        false,
                        "reason",
                        true),
                new Route(
                        "POST " + a + "/passes/{}/void",
                        a + "/passes/" + passes[0] + "/void",
                        "{\"reason\":\"fraud\"}",
                        null,
                        0,
                        0,
                        false,
                        "reason",
                        true),
                new Route(
                        "POST " + a + "/passes/{}/reissue",
                        a + "/passes/" + passes[1] + "/reissue",
                        "{\"reason\":\"reprint\"}",
                        null,
                        0,
                        0,
                        false,
                        "reason",
                        true),
                new Route(
                        "PUT " + a + "/passes/{}/credentials",
                        a + "/passes/P-NONE/credentials",
                        "{\"holderBindings\":[],\"cardUids\":[\"04A1\"],\"biometricSubjects\":[]}",
                        null,
                        0,
                        0,
                        false,
                        "cardUids/0",
                        false),
                new Route(
                        "PUT " + a + "/flow/notifier",
                        a + "/flow/notifier",
                        "{\"url\":\"https://203.0.113.10/n\"}",
                        null,
                        0,
                        0,
                        false,
                        "url",
                        true),
                new Route(
                        "POST " + a + "/flow/quotas/move",
                        a + "/flow/quotas/move",
                        "{\"fromSlotId\":\"" + slot1 + "\",\"toSlotId\":\"" + slot2 + "\",\"places\":1}",
                        "places",
                        1,
                        1_000_000,
                        true,
                        "fromSlotId",
                        true));
    }

    /** The bad bodies of one route, by name. */
    static Map<String, String> badBodies(Route r) {
        Map<String, String> out = new LinkedHashMap<>();
        ObjectNode valid = (ObjectNode) tree(r.valid());
        out.put("unknown field", set(valid, "bogusField", "1"));
        String first = valid.fieldNames().next();
        out.put(
                "unknown field beside a misspelt one",
                set(remove(valid, first), first + "X", valid.get(first).toString()));
        out.put("wrong type", set(valid, first, otherType(valid.get(first))));
        out.put("empty body", "");
        out.put("null", "null");
        out.put("array", "[" + r.valid() + "]");
        out.put("string", "\"" + first + "\"");
        out.put("trailing data", r.valid() + " {}");
        out.put(
                "duplicate key",
                "{\"" + first + "\":" + valid.get(first) + "," + r.valid().substring(1));
        out.put("malformed", r.valid().substring(0, r.valid().length() - 1));
        out.put("huge string", set(valid, r.text() != null ? r.text() : first, "\"" + HUGE + "\""));
        if (r.requiresFields()) {
            out.put("no fields", "{}");
        }
        valid.fieldNames().forEachRemaining(f -> {
            if (!OPTIONAL.getOrDefault(r.route(), Set.of()).contains(f)) {
                out.put("without " + f, remove(valid, f).toString());
                out.put(f + " = null", set(valid, f, "null"));
            }
        });
        if (r.number() != null) {
            for (String n : List.of(
                    Long.toString(r.min() - 1),
                    Long.toString(r.max() + 1),
                    "-1",
                    "-2147483648",
                    "2147483647",
                    "2147483648",
                    "9223372036854775807",
                    "9223372036854775808",
                    "1e400",
                    "1.5",
                    "\"5\"")) {
                out.put(r.number() + " = " + n, set(valid, r.number(), n));
            }
            if (r.numberRequired()) {
                out.put(r.number() + " = null", set(valid, r.number(), "null"));
                out.put(r.number() + " missing", remove(valid, r.number()).toString());
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyBadBodyOfEveryAdminRouteIsATyped400AndChangesNothing() throws Exception {
        // the table covers every admin write route the server has registered
        Set<String> writes = new TreeSet<>();
        for (String r : OpenApiDriftTest.servedRoutes(ts.server)) {
            if (r.matches("(POST|PUT|PATCH) /admin/v1/.*")) {
                writes.add(r);
            }
        }
        Set<String> covered = new TreeSet<>(BODYLESS);
        routes().forEach(r -> covered.add(r.route()));
        assertThat(covered)
                .as("admin write routes in the bad-body table (add a new route to routes() or BODYLESS)")
                .isEqualTo(writes);

        String before = snapshot();
        List<DynamicTest> tests = new ArrayList<>();
        for (Route r : routes()) {
            badBodies(r)
                    .forEach((name, body) -> tests.add(DynamicTest.dynamicTest(r.route() + ": " + name, () -> {
                        Answer a = ts.send(r.route().split(" ")[0], r.path(), TestServer.ADMIN, body, Map.of());
                        assertThat(a.status()).as(a.body()).isEqualTo(400);
                        assertThat(a.json().path("code").asText()).as(a.body()).isNotBlank();
                        assertThat(a.json().path("message").asText())
                                .as(a.body())
                                .isNotBlank();
                        assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
                    })));
        }
        tests.add(DynamicTest.dynamicTest(
                "the database is unchanged", () -> assertThat(snapshot()).isEqualTo(before)));
        tests.add(DynamicTest.dynamicTest(
                "the notifier is unchanged",
                () -> assertThat(ts.server.flow().alerts.notifierUrl()).isNull()));
        // control: each valid body is accepted (the bad ones were refused for what was bad in them, not by accident)
        for (Route r : routes()) {
            tests.add(DynamicTest.dynamicTest(r.route() + ": the valid body is accepted", () -> {
                Answer a = ts.send(r.route().split(" ")[0], r.path(), TestServer.ADMIN, r.valid(), Map.of());
                assertThat(a.status()).as(a.body()).isBetween(200, 299);
            }));
        }
        return tests.stream();
    }

    /** Every row of every table, as text. */
    static String snapshot() {
        return ts.server.database().read(c -> {
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = c.createStatement()
                    .executeQuery(
                            "SELECT table_name FROM information_schema.tables"
                                    + " WHERE table_schema = 'public' AND table_type IN ('TABLE', 'BASE TABLE') ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("channel", "setting", "slot");
            StringBuilder sb = new StringBuilder();
            for (String t : tables) {
                sb.append(t).append(":\n");
                List<String> rows = new ArrayList<>();
                try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + t)) {
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.stream().sorted().forEach(row -> sb.append(row).append('\n'));
            }
            return sb.toString();
        });
    }

    /** A copy of {@code node} with the field at {@code pointer} (a/b/0/c) set to the JSON text {@code json}. */
    static String set(ObjectNode node, String pointer, String json) {
        ObjectNode copy = node.deepCopy();
        String[] p = pointer.split("/");
        JsonNode parent = copy;
        for (int i = 0; i < p.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(p[i])) : parent.get(p[i]);
        }
        String last = p[p.length - 1];
        JsonNode placeholder = TestServer.MAPPER.getNodeFactory().textNode("__VALUE__");
        if (parent.isArray()) {
            ((ArrayNode) parent).set(Integer.parseInt(last), placeholder);
        } else {
            ((ObjectNode) parent).set(last, placeholder);
        }
        return copy.toString().replace("\"__VALUE__\"", json); // raw: numbers beyond long, huge strings
    }

    static JsonNode tree(String json) {
        try {
            return TestServer.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static ObjectNode remove(ObjectNode node, String pointer) {
        ObjectNode copy = node.deepCopy();
        String[] p = pointer.split("/");
        JsonNode parent = copy;
        for (int i = 0; i < p.length - 1; i++) {
            parent = parent.isArray() ? parent.get(Integer.parseInt(p[i])) : parent.get(p[i]);
        }
        ((ObjectNode) parent).remove(p[p.length - 1]);
        return copy;
    }

    static String otherType(JsonNode v) {
        if (v.isNumber()) {
            return "\"" + v.asText() + "\"";
        }
        if (v.isTextual()) {
            return "12345";
        }
        if (v.isBoolean()) {
            return "1";
        }
        return "\"not-" + (v.isArray() ? "a-list" : "an-object") + "\"";
    }
}
