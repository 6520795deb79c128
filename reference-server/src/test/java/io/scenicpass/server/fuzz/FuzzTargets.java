package io.scenicpass.server.fuzz;

import io.javalin.Javalin;
import io.javalin.router.ParsedEndpoint;
import io.scenicpass.server.ScenicPassServer;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The body-taking routes of the running server (every POST, PUT, PATCH and DELETE route in the Javalin route table)
 * and, for each, how to fill its path parameters and a valid seed body. A route without a seed fails the fuzz test,
 * so a new route cannot be missed.
 */
final class FuzzTargets {
    /** Which credentials a route wants. */
    enum Auth {
        OCTO,
        ADMIN,
        DEVICE,
        NONE
    }

    /**
     * A route to fuzz.
     *
     * @param authRate fraction of cases sent with valid credentials (low for routes with a lasting side effect
     *     per call, such as key rotation)
     */
    record Target(
            String method,
            String template,
            Auth auth,
            Function<Random, String> path,
            Function<Random, String> body,
            double authRate) {
        String key() {
            return method + " " + template;
        }
    }

    /** Everything the seeds refer to, created by the test's setup through the real APIs. */
    record Fixture(
            String passText,
            String passId,
            List<String> heldUuids,
            List<String> confirmedUuids,
            List<String> slotIds,
            List<String> sideSlotIds,
            String deviceId,
            String victimDeviceId,
            String enrollToken,
            String slotLocalStart) {}

    private FuzzTargets() {}

    /** "METHOD /path/{param}" of every route that can take a body, read from the running Javalin app. */
    static Set<String> bodyRoutes(ScenicPassServer server) throws ReflectiveOperationException {
        Field f = ScenicPassServer.class.getDeclaredField("app");
        f.setAccessible(true);
        Javalin app = (Javalin) f.get(server);
        Set<String> out = new TreeSet<>();
        for (ParsedEndpoint e : app.unsafe.internalRouter.allHttpHandlers()) {
            String m = e.endpoint.method.name().toUpperCase(Locale.ROOT);
            if (Set.of("POST", "PUT", "PATCH", "DELETE").contains(m)) {
                out.add(m + " " + e.endpoint.path);
            }
        }
        return out;
    }

    /**
     * People's pages (every form post under /shop and /console, whoever adds one): fuzzed without a session or CSRF
     * token, with junk form and JSON bodies and path parameters — each must answer a typed page, never a 500.
     */
    static Map<String, Target> pages(Set<String> served) {
        Map<String, Target> t = new LinkedHashMap<>();
        for (String route : served) {
            String m = route.substring(0, route.indexOf(' '));
            String template = route.substring(route.indexOf(' ') + 1);
            if (io.scenicpass.server.web.Pages.isPagePath(template)) {
                add(
                        t,
                        m,
                        template,
                        Auth.NONE,
                        r -> template.replaceAll("\\{[^}]+}", pick(r, "x", "1", "%00", "..", "a%2Fb")),
                        r -> pick(r, "a=b", "_csrf=forged&code=123456", "{\"address\":1}", "", "%%%"));
            }
        }
        return t;
    }

    static Map<String, Target> all(Fixture fx) {
        Map<String, Target> t = new LinkedHashMap<>();
        String slot = fx.slotLocalStart();
        // OCTO
        add(
                t,
                "POST",
                "/octo/availability",
                Auth.OCTO,
                r -> "/octo/availability",
                r -> pick(
                        r,
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDateStart\":\"2026-06-02\",\"localDateEnd\":\"2026-06-04\"}",
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDate\":\"2026-06-02\"}",
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityIds\":[\"" + slot + "\"]}"));
        add(
                t,
                "POST",
                "/octo/availability/calendar",
                Auth.OCTO,
                r -> "/octo/availability/calendar",
                r ->
                        "{\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"localDateStart\":\"2026-06-02\",\"localDateEnd\":\"2026-06-09\","
                                + "\"units\":[{\"id\":\"tour-adult\",\"quantity\":2}]}");
        add(
                t,
                "POST",
                "/octo/bookings",
                Auth.OCTO,
                r -> "/octo/bookings",
                r -> "{\"uuid\":\"" + uuid(r)
                        + "\",\"productId\":\"tour\",\"optionId\":\"tour-opt\",\"availabilityId\":\"" + slot
                        + "\",\"unitItems\":"
                        + "[{\"unitId\":\"tour-adult\"},{\"unitId\":\"tour-child\"}],\"expirationMinutes\":30,\"notes\":\"n\"}");
        add(
                t,
                "PATCH",
                "/octo/bookings/{uuid}",
                Auth.OCTO,
                r -> "/octo/bookings/" + booking(r, fx),
                r -> "{\"resellerReference\":\"R-1\",\"notes\":\"window seat\",\"contact\":{\"fullName\":\"Li Lei\"}}");
        add(
                t,
                "POST",
                "/octo/bookings/{uuid}/confirm",
                Auth.OCTO,
                r -> "/octo/bookings/" + booking(r, fx) + "/confirm",
                r -> "{\"resellerReference\":\"R-" + r.nextInt(1000) + "\",\"contact\":{\"fullName\":\"Han Meimei\","
                        + "\"emailAddress\":\"h@example.com\",\"phoneNumber\":\"+8613800000000\"},\"notes\":\"x\"}");
        add(
                t,
                "POST",
                "/octo/bookings/{uuid}/extend",
                Auth.OCTO,
                r -> "/octo/bookings/" + booking(r, fx) + "/extend",
                r -> "{\"expirationMinutes\":30}");
        add(
                t,
                "POST",
                "/octo/bookings/{uuid}/cancel",
                Auth.OCTO,
                r -> "/octo/bookings/" + booking(r, fx) + "/cancel",
                r -> "{\"reason\":\"changed plans\"}");
        add(
                t,
                "DELETE",
                "/octo/bookings/{uuid}",
                Auth.OCTO,
                r -> "/octo/bookings/" + booking(r, fx),
                r -> "{\"reason\":\"changed plans\"}");
        add(
                t,
                "POST",
                "/octo/webhooks",
                Auth.OCTO,
                r -> "/octo/webhooks",
                r -> "{\"event\":\"booking_update\",\"url\":\"https://203.0.113.9/hook-" + r.nextInt(1000)
                        + "\",\"retryOnError\":" + r.nextBoolean() + ",\"useContactLanguage\":false}");
        add(
                t,
                "DELETE",
                "/octo/webhooks/{id}",
                Auth.OCTO,
                r -> "/octo/webhooks/" + pick(r, "nope", "0193-unknown"),
                r -> "{}");
        // octo/cart (the fuzzer sends no Octo-Capabilities: the order routes must refuse cleanly, never a 500)
        add(
                t,
                "POST",
                "/octo/orders",
                Auth.OCTO,
                r -> "/octo/orders",
                r -> "{\"expirationMinutes\":30,\"contact\":{\"fullName\":\"Li\"}}");
        for (String action : new String[] {"extend", "confirm", "cancel"}) {
            add(
                    t,
                    "POST",
                    "/octo/orders/{orderId}/" + action,
                    Auth.OCTO,
                    r -> "/octo/orders/order-" + r.nextInt(3) + "/" + action,
                    r -> "{\"expirationMinutes\":30,\"reason\":\"changed plans\"}");
        }
        add(
                t,
                "DELETE",
                "/octo/orders/{orderId}",
                Auth.OCTO,
                r -> "/octo/orders/order-" + r.nextInt(3),
                r -> "{\"reason\":\"changed plans\"}");
        // admin
        String a = "/admin/v1";
        add(t, "POST", a + "/products", Auth.ADMIN, r -> a + "/products", r -> product("fz" + r.nextInt(1_000_000)));
        add(
                t,
                "PUT",
                a + "/products/{id}/active",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "side", "side", "nope") + "/active",
                r -> "{\"active\":" + r.nextBoolean() + "}");
        add(
                t,
                "PUT",
                a + "/products/{id}/online-claim",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "side", "side", "nope") + "/online-claim",
                r -> "{\"onlineClaim\":" + r.nextBoolean() + "}");
        // the console's catalogue editing: a unit's real-name and concession rule, a channel's price cleared
        add(
                t,
                "PUT",
                a + "/products/{id}/units/{unitId}/rule",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "side", "nope") + "/units/" + pick(r, "side-adult", "tour-adult", "x")
                        + "/rule",
                r -> "{\"idRequired\":" + pick(r, "true", "false", "null") + ",\"minAge\":" + pick(r, "3", "-1", "999")
                        + ",\"maxAge\":" + pick(r, "12", "2", "null") + "}");
        add(
                t,
                "DELETE",
                a + "/prices/{unitId}/{channelId}",
                Auth.ADMIN,
                r -> a + "/prices/" + pick(r, "side-adult", "x") + "/" + pick(r, "ota", "*", "%2A", "nobody"),
                r -> "");
        // pass products and annual passes (issue 23)
        add(
                t,
                "PUT",
                a + "/products/{id}/pass-terms",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "side", "side", "nope") + "/pass-terms",
                r -> "{\"reentry\":\"" + pick(r, "AFTER_EXIT", "UNLIMITED", "X") + "\",\"entriesAllowed\":"
                        + pick(r, "0", "3", "-1") + ",\"windowDays\":" + pick(r, "1", "2", "999") + "}");
        for (String action : List.of("activate", "freeze", "appeal", "unfreeze", "renew", "refund")) {
            add(
                    t,
                    "POST",
                    a + "/annual-passes/{id}/" + action,
                    Auth.ADMIN,
                    r -> a + "/annual-passes/" + pick(r, "x", "nope") + "/" + action,
                    r -> pick(r, "{}", "{\"reason\":\"lent\"}", "{\"price\":-1}"));
        }
        // the shop's waiting list (issue 18): the accept window setting
        // the park (notices, zones) and operators (issue 18, 20)
        add(
                t,
                "POST",
                a + "/notices",
                Auth.ADMIN,
                r -> a + "/notices",
                r -> "{\"kind\":\"" + pick(r, "PARKING", "WEATHER", "X")
                        + "\",\"severity\":\"WARNING\",\"titleZh\":\"满\","
                        + "\"titleEn\":\"Full\",\"bodyZh\":\"b\",\"bodyEn\":\"b\",\"from\":\""
                        + pick(r, "2026-06-01", "x")
                        + "\",\"until\":\"2026-06-02\"}");
        add(t, "DELETE", a + "/notices/{id}", Auth.ADMIN, r -> a + "/notices/" + pick(r, "1", "x", "999"), r -> "");
        add(
                t,
                "PUT",
                a + "/zones/{id}",
                Auth.ADMIN,
                r -> a + "/zones/" + pick(r, "play", "park", "bad%20id"),
                r -> "{\"nameZh\":\"游乐\",\"nameEn\":\"Play\",\"kind\":\"PLAY_ZONE\",\"capacity\":"
                        + pick(r, "50", "0", "\"x\"") + "}");
        add(
                t,
                "POST",
                a + "/operators",
                Auth.ADMIN,
                r -> a + "/operators",
                r -> "{\"login\":\"fz" + r.nextInt(1000) + "\",\"role\":\"" + pick(r, "read-only", "boss")
                        + "\",\"password\":\"" + pick(r, "a-long-password-9", "short") + "\"}",
                0.2);
        add(
                t,
                "PATCH",
                a + "/operators/{id}",
                Auth.ADMIN,
                r -> a + "/operators/" + pick(r, "1", "x"),
                r -> "{\"name\":\"" + pick(r, "N", "") + "\",\"role\":\"" + pick(r, "finance", "x") + "\"}",
                0.2);
        add(
                t,
                "POST",
                a + "/operators/{id}/unlock",
                Auth.ADMIN,
                r -> a + "/operators/" + pick(r, "1", "x") + "/unlock",
                r -> "");
        add(
                t,
                "DELETE",
                a + "/operators/{id}/totp",
                Auth.ADMIN,
                r -> a + "/operators/" + pick(r, "1", "x") + "/totp",
                r -> "",
                0.2);
        // packages (issue 19): partners, resources, allotments, package products; the partners' API (no token)
        add(
                t,
                "PUT",
                a + "/partners/{id}",
                Auth.ADMIN,
                r -> a + "/partners/" + pick(r, "fzp", "bad id"),
                r -> "{\"name\":\"" + pick(r, "P", "") + "\"}");
        add(
                t,
                "POST",
                a + "/partners/{id}/token",
                Auth.ADMIN,
                r -> a + "/partners/" + pick(r, "fzp", "x") + "/token",
                r -> "",
                0.2);
        add(
                t,
                "PUT",
                a + "/partners/{id}/resources/{resourceId}",
                Auth.ADMIN,
                r -> a + "/partners/" + pick(r, "fzp", "x") + "/resources/" + pick(r, "fzr", "r r"),
                r -> "{\"kind\":\"" + pick(r, "BUS", "HOTEL", "X") + "\",\"name\":\"R\",\"net\":"
                        + pick(r, "100", "-1", "\"x\"") + ",\"cutoffHours\":" + pick(r, "24", "99999") + "}");
        add(
                t,
                "PUT",
                a + "/partners/{id}/allotments/{resourceId}",
                Auth.ADMIN,
                r -> a + "/partners/" + pick(r, "fzp", "x") + "/allotments/" + pick(r, "fzr", "x"),
                r -> "{\"from\":\"" + pick(r, "2026-06-02", "x") + "\",\"to\":\"" + pick(r, "2026-06-03", "2027-12-31")
                        + "\",\"total\":" + pick(r, "5", "-1", "null") + "}");
        add(
                t,
                "PUT",
                a + "/packages/{productId}",
                Auth.ADMIN,
                r -> a + "/packages/" + pick(r, "side", "nope"),
                r -> "{\"parts\":[{\"resourceId\":\"" + pick(r, "fzr", "x") + "\",\"dayOffset\":" + pick(r, "0", "99")
                        + ",\"per\":\"" + pick(r, "PERSON", "X") + "\"}]}",
                0.2);
        add(
                t,
                "PUT",
                "/partner/v1/allotments/{resourceId}/{day}",
                Auth.NONE,
                r -> "/partner/v1/allotments/fzr/" + pick(r, "2026-06-02", "x"),
                r -> "{\"total\":5}");
        add(t, "POST", "/partner/v1/vouchers/{code}/use", Auth.NONE, r -> "/partner/v1/vouchers/PVX/use", r -> "");
        // the visitor hub (issue 19): receipts of partner tills (no token here), lookup, consent, member codes,
        // erasure,
        // segments
        add(
                t,
                "POST",
                "/partner/v1/receipts",
                Auth.NONE,
                r -> "/partner/v1/receipts",
                r -> "{\"receiptId\":\"" + pick(r, "r1", "") + "\",\"passId\":\"" + pick(r, fx.passId(), "nope")
                        + "\",\"amount\":" + pick(r, "100", "-1", "\"x\"") + ",\"currency\":\"" + pick(r, "CNY", "XXX")
                        + "\"}");
        add(
                t,
                "POST",
                a + "/visitors/lookup",
                Auth.ADMIN,
                r -> a + "/visitors/lookup",
                r -> pick(
                        r,
                        "{\"phone\":\"13800138000\"}",
                        "{\"document\":{\"type\":\"CN_ID\",\"number\":\"x\"}}",
                        "{}"));
        add(
                t,
                "PUT",
                a + "/visitors/{id}/consent",
                Auth.ADMIN,
                r -> a + "/visitors/" + pick(r, "1", "x", "999999") + "/consent",
                r -> "{\"marketing\":" + pick(r, "true", "\"yes\"", "null") + "}");
        add(
                t,
                "POST",
                a + "/visitors/{id}/member-code",
                Auth.ADMIN,
                r -> a + "/visitors/" + pick(r, "1", "x", "999999") + "/member-code",
                r -> "",
                0.2);
        add(
                t,
                "DELETE",
                a + "/visitors/{id}",
                Auth.ADMIN,
                r -> a + "/visitors/" + pick(r, "999999", "x"),
                r -> "",
                0.2);
        add(
                t,
                "PUT",
                a + "/segments/{code}",
                Auth.ADMIN,
                r -> a + "/segments/" + pick(r, "fz", "bad code"),
                r -> "{\"name\":\"F\",\"expression\":\""
                        + pick(r, "tags has family", "visits12m >= 2 AND (", "DROP TABLE visitor", "") + "\"}");
        add(
                t,
                "DELETE",
                a + "/segments/{code}",
                Auth.ADMIN,
                r -> a + "/segments/" + pick(r, "fz", "nope"),
                r -> "",
                0.2);
        // slot rules and closures (issue 20)
        add(
                t,
                "PUT",
                a + "/slot-rules/{optionId}",
                Auth.ADMIN,
                r -> a + "/slot-rules/" + pick(r, "tour-opt", "nope"),
                r -> "{\"from\":\"" + pick(r, "2026-09-01", "2020-01-01", "x") + "\",\"openTime\":\""
                        + pick(r, "09:00", "25:00") + "\",\"closeTime\":\"17:00\",\"intervalMinutes\":"
                        + pick(r, "60", "0", "-1") + ",\"slotCapacity\":" + pick(r, "30", "-5")
                        + ",\"closedWeekdays\":[\"" + pick(r, "MONDAY", "FUNDAY") + "\"]}",
                0.2);
        add(
                t,
                "POST",
                a + "/closures",
                Auth.ADMIN,
                r -> a + "/closures",
                r -> "{\"productId\":\"" + pick(r, "tour", "nope") + "\",\"firstDay\":\"2026-09-0"
                        + (1 + r.nextInt(9)) + "\",\"lastDay\":\"" + pick(r, "2026-09-09", "2026-08-01", "x")
                        + "\",\"reason\":\"" + pick(r, "typhoon", "") + "\",\"dryRun\":" + pick(r, "true", "false")
                        + "}",
                0.2);
        add(
                t,
                "DELETE",
                a + "/closures/{id}",
                Auth.ADMIN,
                r -> a + "/closures/" + pick(r, "1", "999", "x"),
                r -> "",
                0.2);
        // offers and coupons (issue 19)
        add(
                t,
                "POST",
                a + "/offers",
                Auth.ADMIN,
                r -> a + "/offers",
                r -> "{\"title\":\"F\",\"kind\":\"" + pick(r, "AMOUNT", "PERCENT", "X") + "\",\"amount\":"
                        + pick(r, "10", "-5", "1000") + ",\"code\":\"" + pick(r, "FZ" + r.nextInt(1000), "bad code!")
                        + "\"}",
                0.2);
        add(
                t,
                "PUT",
                a + "/offers/{id}",
                Auth.ADMIN,
                r -> a + "/offers/" + pick(r, "NO-SUCH-OFFER", "x"),
                r -> "{\"title\":\"F\",\"kind\":\"AMOUNT\",\"amount\":" + pick(r, "10", "-5") + "}");
        for (String action : new String[] {"pause", "resume"}) {
            add(
                    t,
                    "POST",
                    a + "/offers/{id}/" + action,
                    Auth.ADMIN,
                    r -> a + "/offers/" + pick(r, "NO-SUCH-OFFER", "x") + "/" + action,
                    r -> "",
                    0.2);
        }
        add(
                t,
                "PUT",
                a + "/waitlist/settings",
                Auth.ADMIN,
                r -> a + "/waitlist/settings",
                r -> "{\"acceptMinutes\":" + pick(r, "30", "1", "99999", "\"x\"", "null") + "}");
        add(
                t,
                "PUT",
                a + "/prices",
                Auth.ADMIN,
                r -> a + "/prices",
                r -> "{\"unitId\":\"tour-adult\",\"channelId\":\"" + pick(r, "ota", "*", "victim")
                        + "\",\"retail\":10000,\"net\":9000}");
        add(
                t,
                "PUT",
                a + "/slots/{slotId}/capacity",
                Auth.ADMIN,
                r -> a + "/slots/" + enc(pick(r, fx.slotIds())) + "/capacity",
                r -> "{\"capacity\":" + (400 + r.nextInt(200)) + "}");
        add(
                t,
                "PUT",
                a + "/slots/{slotId}/closed",
                Auth.ADMIN,
                r -> a + "/slots/" + enc(pick(r, fx.sideSlotIds())) + "/closed",
                r -> "{\"closed\":" + r.nextBoolean() + "}");
        add(
                t,
                "PUT",
                a + "/slots/{slotId}/allotments/{channelId}",
                Auth.ADMIN,
                r -> a + "/slots/" + enc(pick(r, fx.slotIds())) + "/allotments/" + pick(r, "ota", "victim", "nope"),
                r -> "{\"capacity\":" + r.nextInt(20) + "}");
        add(
                t,
                "PUT",
                a + "/day-pools/{poolId}/{date}",
                Auth.ADMIN,
                r -> a + "/day-pools/" + pick(r, "park-day", "nope") + "/" + pick(r, "2026-06-02", "2026-13-01", "x"),
                r -> "{\"capacity\":" + r.nextInt(1000) + "}");
        add(
                t,
                "POST",
                a + "/channels",
                Auth.ADMIN,
                r -> a + "/channels",
                r -> "{\"id\":\"ch" + r.nextInt(1_000_000)
                        + "\",\"name\":\"Agency\",\"kind\":\"AGENCY\",\"webhookUrl\":\"http://203.0.113.9:9/hook\",\"webhookSecret\":\"s\","
                        + "\"ratePerSecond\":20,\"burst\":40}");
        add(
                t,
                "PUT",
                a + "/channels/{id}",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "victim", "victim", "nope"),
                r -> "{\"name\":\"Victim\",\"kind\":\"OTA\",\"ratePerSecond\":100,\"burst\":100,\"active\":true}");
        add(
                t,
                "PATCH",
                a + "/channels/{id}",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "victim", "victim", "nope"),
                r -> "{\"ratePerSecond\":" + (1 + r.nextInt(1000)) + "}");
        add(
                t,
                "POST",
                a + "/channels/{id}/keys",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "victim", "nope") + "/keys",
                r -> "{}");
        add(
                t,
                "DELETE",
                a + "/channels/{id}/keys",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "victim", "nope") + "/keys",
                r -> "{}");
        add(t, "POST", a + "/keys/rotate", Auth.ADMIN, r -> a + "/keys/rotate", r -> "{}", 0.01);
        // the console's channels page's routes (#20, second half A): bodyless; junk ids are typed 400/404
        add(
                t,
                "POST",
                a + "/channels/{id}/keys/rotate",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "victim", "nope", "%00") + "/keys/rotate",
                r -> "{}");
        add(
                t,
                "POST",
                a + "/channels/{id}/deliveries/{deliveryId}/redeliver",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "victim", "nope") + "/deliveries/"
                        + pick(r, "1", "x", "-1", "99999999999999999999") + "/redeliver",
                r -> "{}");
        add(
                t,
                "POST",
                a + "/inventory/repair",
                Auth.ADMIN,
                r -> a + "/inventory/repair" + pick(r, "?dryRun=true", "?dryRun=false", "", "?dryRun=x"),
                r -> "{}");
        add(
                t,
                "POST",
                a + "/keys/{keyId}/compromised",
                Auth.ADMIN,
                r -> a + "/keys/" + pick(r, "00000000", "zz", "nope") + "/compromised",
                r -> "{}");
        add(
                t,
                "POST",
                a + "/delegations/{keyId}/revoke",
                Auth.ADMIN,
                r -> a + "/delegations/" + pick(r, "00000000", "zz", "nope") + "/revoke" + pick(r, "", "?reason=fuzz"),
                r -> "{}");
        add(
                t,
                "POST",
                a + "/blacklist",
                Auth.ADMIN,
                r -> a + "/blacklist",
                r -> "{\"binding\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"note\":\"fuzz\"}");
        // identity (issue 14)
        String doc = "{\"type\":\"CN_ID\",\"number\":\""
                + io.scenicpass.server.identity.IdentityFixture.cnId("19800101", "555") + "\"";
        add(
                t,
                "POST",
                a + "/identity/blacklist",
                Auth.ADMIN,
                r -> a + "/identity/blacklist",
                r -> doc + ",\"reason\":\"fuzz\",\"addedBy\":\"fuzz\"}");
        add(
                t,
                "POST",
                a + "/identity/blacklist/remove",
                Auth.ADMIN,
                r -> a + "/identity/blacklist/remove",
                r -> doc + ",\"removedBy\":\"fuzz\"}");
        add(t, "POST", a + "/identity/erase", Auth.ADMIN, r -> a + "/identity/erase", r -> doc + "}");
        // face (issue 23): a pass's face (template base64, photo kept only if the setting says so), the settings
        add(
                t,
                "PUT",
                a + "/identity/faces/{passId}",
                Auth.ADMIN,
                r -> a + "/identity/faces/" + pick(r, fx.passId(), "nope"),
                r -> "{\"template\":" + pick(r, "\"AAECAwQ=\"", "\"not base64\"", "\"\"", "7", "null") + ",\"source\":"
                        + pick(r, "\"KIOSK\"", "\"MOON\"", "null") + "}");
        add(
                t,
                "POST",
                a + "/identity/face-captures",
                Auth.ADMIN,
                r -> a + "/identity/face-captures",
                r -> "{\"template\":" + pick(r, "\"AAECAwQ=\"", "\"not base64\"", "7", "null") + ",\"photo\":"
                        + pick(r, "\"AQI=\"", "\"%%\"", "null") + "}");
        add(
                t,
                "DELETE",
                a + "/identity/faces/{passId}",
                Auth.ADMIN,
                r -> a + "/identity/faces/" + pick(r, fx.passId(), "nope"),
                r -> pick(r, "", "{}", "null"));
        add(
                t,
                "PUT",
                a + "/identity/face-settings",
                Auth.ADMIN,
                r -> a + "/identity/face-settings",
                r -> "{\"retentionDays\":" + pick(r, "30", "-1", "99999", "\"x\"", "null") + ",\"keepPhotos\":"
                        + pick(r, "false", "true", "\"x\"") + "}");
        // invoices (issue 17): the admin's erasure, the visitor's form (no token: a forged link), the kiosk's request
        add(
                t,
                "POST",
                a + "/invoices/{id}/erase",
                Auth.ADMIN,
                r -> a + "/invoices/" + pick(r, "nope", "1") + "/erase",
                r -> "{}");
        add(
                t,
                "POST",
                "/invoice/{token}",
                Auth.NONE,
                r -> "/invoice/" + pick(r, "x", "eA.1.00", "a.b.c"),
                r -> "{\"buyerTitle\":\"fuzz\",\"email\":\"f@example.com\"}");
        add(
                t,
                "POST",
                "/terminal/v1/counter/sales/{saleId}/invoice",
                Auth.DEVICE,
                r -> "/terminal/v1/counter/sales/" + pick(r, "nope", "s1") + "/invoice",
                r -> "{\"buyerTitle\":\"" + pick(r, "fuzz", "", "张三") + "\",\"email\":\"f@example.com\"}");
        add(
                t,
                "PUT",
                a + "/payments/provider",
                Auth.ADMIN,
                r -> a + "/payments/provider",
                r -> "{\"provider\":\"" + pick(r, "simulated", "wechat", "nope") + "\"}");
        add(
                t,
                "POST",
                "/payments/v1/notify/{provider}",
                Auth.NONE,
                r -> "/payments/v1/notify/" + pick(r, "simulated", "wechat", "nope"),
                r -> "{\"paymentId\":\"P1\",\"status\":\"SUCCEEDED\",\"paidFen\":1}");
        add(
                t,
                "PUT",
                a + "/identity/products/{id}/policy",
                Auth.ADMIN,
                r -> a + "/identity/products/" + pick(r, "tour", "nope") + "/policy",
                r -> "{\"realName\":\"" + pick(r, "NONE", "BOOKER", "EVERY_VISITOR") + "\",\"dailyLimit\":1}");
        add(
                t,
                "PUT",
                a + "/products/{id}/questions",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "tour", "nope") + "/questions",
                r -> "{\"questions\":[{\"id\":\"q1\",\"title\":\"Hotel\",\"inputType\":\""
                        + pick(r, "text", "select", "date") + "\"}]}");
        add(
                t,
                "PUT",
                a + "/products/{id}/content/{locale}",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "tour", "nope") + "/content/" + pick(r, "en", "zh-CN", "x!"),
                r ->
                        "{\"title\":\"T\",\"faqs\":[{\"question\":\"q\",\"answer\":\"a\"}],\"units\":{\"tour-adult\":{}}}");
        add(
                t,
                "DELETE",
                a + "/products/{id}/content/{locale}",
                Auth.ADMIN,
                r -> a + "/products/" + pick(r, "tour", "nope") + "/content/" + pick(r, "en", "zh-CN", "%00"),
                r -> "{}");
        add(
                t,
                "DELETE",
                a + "/identity/bookings/{uuid}",
                Auth.ADMIN,
                r -> a + "/identity/bookings/" + pick(r, "b-1", "nope", "%00"),
                r -> "{}");
        add(
                t,
                "DELETE",
                a + "/blacklist/{binding}",
                Auth.ADMIN,
                r -> a + "/blacklist/" + pick(r, "AAAAAAAAAAAAAAAAAAAAAA", "short", "%00"),
                r -> "{}");
        add(
                t,
                "POST",
                a + "/gates",
                Auth.ADMIN,
                r -> a + "/gates",
                r -> "{\"id\":\"g" + r.nextInt(100) + "\",\"name\":\"Gate\",\"zoneId\":\"park\",\"direction\":\""
                        + pick(r, "IN", "OUT") + "\"}");
        add(
                t,
                "POST",
                a + "/enrollment-tokens",
                Auth.ADMIN,
                r -> a + "/enrollment-tokens",
                r -> "{\"gateId\":\"gate-a\",\"label\":\"fuzz\",\"ttlHours\":24}");
        add(
                t,
                "POST",
                a + "/terminals/{deviceId}/revoke",
                Auth.ADMIN,
                r -> a + "/terminals/" + pick(r, fx.victimDeviceId(), "nope") + "/revoke",
                r -> "{}");
        add(
                t,
                "PUT",
                a + "/terminal-config",
                Auth.ADMIN,
                r -> a + "/terminal-config",
                r -> "{\"earlyToleranceSeconds\":900,"
                        + "\"lateToleranceSeconds\":1800,\"rules\":[],\"messages\":{\"OK\":{\"zh\":\"欢迎\",\"en\":\"Welcome\"}},"
                        + "\"healthCertificateRequired\":false}");
        add(
                t,
                "PATCH",
                a + "/terminal-config",
                Auth.ADMIN,
                r -> a + "/terminal-config",
                r -> "{\"lateToleranceSeconds\":" + r.nextInt(3600) + "}");
        add(
                t,
                "POST",
                a + "/terminal-messages",
                Auth.ADMIN,
                r -> a + "/terminal-messages",
                r -> "{\"zh\":\"闭园\",\"en\":\"Closing\",\"gateId\":\"gate-a\"}");
        add(
                t,
                "PUT",
                a + "/passes/{passId}/credentials",
                Auth.ADMIN,
                r -> a + "/passes/" + pick(r, fx.passId(), "nope") + "/credentials",
                r -> "{\"holderBindings\":[\"AAAAAAAAAAAAAAAAAAAAAA\"],\"cardUids\":[\"04A1B2C3D4E5F6\"],"
                        + "\"biometricSubjects\":[\"face-1\"]}");
        // the console's refund and resend of shop orders (issue 20)
        add(
                t,
                "POST",
                a + "/bookings/{uuid}/refund",
                Auth.ADMIN,
                r -> a + "/bookings/" + pick(r, "nope", "shop-none") + "/refund",
                r -> "{\"reason\":\"fuzz\",\"passIds\":[]}");
        add(
                t,
                "POST",
                a + "/bookings/{uuid}/resend",
                Auth.ADMIN,
                r -> a + "/bookings/" + pick(r, "nope", "shop-none") + "/resend",
                r -> "{}");
        // the console's pass actions (issue 20): void and reissue with a reason
        for (String action : new String[] {"void", "reissue"}) {
            add(
                    t,
                    "POST",
                    a + "/passes/{passId}/" + action,
                    Auth.ADMIN,
                    r -> a + "/passes/" + pick(r, fx.passId(), "nope") + "/" + action,
                    r -> "{\"reason\":\"fuzz\"}",
                    0.2);
        }
        add(t, "POST", a + "/flow/alerts/evaluate", Auth.ADMIN, r -> a + "/flow/alerts/evaluate", r -> "{}");
        add(
                t,
                "POST",
                a + "/flow/alerts/{key}/acknowledge",
                Auth.ADMIN,
                r -> a + "/flow/alerts/" + pick(r, "SLOT%7Cnope", "PARK%7C2026-06-01", "x", "%00") + "/acknowledge",
                r -> "{}");
        add(
                t,
                "PUT",
                a + "/flow/notifier",
                Auth.ADMIN,
                r -> a + "/flow/notifier",
                r -> "{\"url\":\"http://203.0.113.9:9/n\"}");
        add(
                t,
                "POST",
                a + "/flow/quotas/move",
                Auth.ADMIN,
                r -> a + "/flow/quotas/move",
                r -> "{\"fromSlotId\":\"" + pick(r, fx.slotIds()) + "\",\"toSlotId\":\"" + pick(r, fx.slotIds())
                        + "\",\"places\":" + r.nextInt(5) + "}");
        // the Ctrip adapter: always 200 with Ctrip's result code (unsigned fuzz answers 0001/0002/0003)
        add(
                t,
                "POST",
                "/adapters/ctrip",
                Auth.NONE,
                r -> "/adapters/ctrip",
                r -> "{\"header\":{\"accountId\":\"" + pick(r, "ctrip-fuzz", "nope") + "\",\"serviceName\":\""
                        + pick(r, "CreatePreOrder", "QueryOrder", "CancelOrder")
                        + "\",\"requestTime\":\"2026-06-01 08:00:00\","
                        + "\"version\":\"1.0\",\"sign\":\"00000000000000000000000000000000\"},\"body\":{\"otaOrderId\":\"F-1\","
                        + "\"items\":[{\"itemId\":\"1\",\"PLU\":\"tour-adult\",\"useStartDate\":\"2026-06-02\",\"quantity\":1}]}}");
        add(
                t,
                "PUT",
                a + "/channels/{id}/ctrip",
                Auth.ADMIN,
                r -> a + "/channels/" + pick(r, "ota", "nope") + "/ctrip",
                r -> "{\"accountId\":\"ctrip-fuzz\",\"signKey\":\"fuzz-key-123\",\"noticeUrl\":null}");
        // terminal
        String p = "/terminal/v1";
        add(
                t,
                "POST",
                p + "/enroll",
                Auth.NONE,
                r -> p + "/enroll",
                r -> "{\"token\":\"" + pick(r, fx.enrollToken(), "not-a-token")
                        + "\",\"deviceName\":\"gate\",\"deviceModel\":\"SP-FUZZ\"}");
        add(
                t,
                "POST",
                p + "/entries",
                Auth.DEVICE,
                r -> p + "/entries",
                r -> "{\"deviceId\":\"" + fx.deviceId() + "\",\"events\":[" + entry(r, fx) + "," + entry(r, fx) + "]}");
        add(
                t,
                "POST",
                p + "/telemetry",
                Auth.DEVICE,
                r -> p + "/telemetry",
                r -> "{\"deviceId\":\"" + fx.deviceId()
                        + "\",\"readings\":[{\"time\":\"2026-06-01T00:00:00Z\",\"deviceId\":\"" + fx.deviceId()
                        + "\",\"sensor\":\"t1\","
                        + "\"kind\":\"TEMPERATURE\",\"value\":21.5,\"unit\":\"C\",\"detail\":\"ok\"}]}");
        // offline selling (the fuzz device is a gate: refused by role, which must stay a typed 403)
        add(
                t,
                "PUT",
                "/admin/v1/counter/allotments",
                Auth.ADMIN,
                r -> "/admin/v1/counter/allotments",
                r -> "{\"deviceId\":\"" + pick(r, fx.deviceId(), "nope") + "\",\"slotId\":\"" + pick(r, fx.slotIds())
                        + "\",\"quantity\":" + r.nextInt(5) + "}");
        add(
                t,
                "POST",
                p + "/counter/offline-sales",
                Auth.DEVICE,
                r -> p + "/counter/offline-sales",
                r -> "{\"sales\":[{\"saleId\":\"" + java.util.UUID.randomUUID() + "\",\"slotId\":\""
                        + pick(r, fx.slotIds())
                        + "\",\"productId\":\"tour\",\"items\":[{\"unitId\":\"tour-adult\",\"passId\":\"" + fx.passId()
                        + "\",\"passText\":\"" + fx.passText() + "\"}],\"amountFen\":100,\"method\":\"CASH\","
                        + "\"soldAt\":\"2026-06-01T00:00:00Z\"}]}");
        add(
                t,
                "POST",
                p + "/online-check",
                Auth.DEVICE,
                r -> p + "/online-check",
                r -> "{\"eventId\":\"" + uuid(r) + "\",\"passText\":\"" + fx.passText()
                        + "\",\"gateId\":\"gate-a\",\"zoneId\":\"park\",\"direction\":\"IN\"}");
        add(
                t,
                "POST",
                p + "/counter/delegation",
                Auth.DEVICE,
                r -> p + "/counter/delegation",
                r -> "{\"publicKey\":\"" + pick(r, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", "abc", "")
                        + "\",\"days\":" + pick(r, "1", "3", "9") + "}");
        add(
                t,
                "PUT",
                p + "/peer-endpoint",
                Auth.DEVICE,
                r -> p + "/peer-endpoint",
                r -> "{\"endpoint\":\"127.0.0.1:7700\"}");
        add( // annual pass activation at a device (#23, activation-kiosk)
                t,
                "POST",
                p + "/annual-passes/activate",
                Auth.DEVICE,
                r -> p + "/annual-passes/activate",
                r -> pick(
                        r,
                        "{\"requestId\":\"fz-1\",\"pass\":\"SP1.x\",\"holder\":{\"type\":\"CN_ID\","
                                + "\"number\":\"11010519491231002X\",\"name\":\"张三\"},"
                                + "\"face\":{\"template\":\"AAEC\",\"liveness\":\"PASSED\"}}",
                        "{\"requestId\":\"fz-2\",\"face\":{\"liveness\":\"FAILED\"}}"));
        // pick-up (取票): the fuzz device is a gate, so mostly NOT_A_SELLER; bodies and paths still parsed first or not
        add(
                t,
                "POST",
                p + "/counter/pickups/lookup",
                Auth.DEVICE,
                r -> p + "/counter/pickups/lookup",
                r -> pick(
                        r,
                        "{\"bookingCode\":\"" + pick(r, fx.confirmedUuids()) + "\"}",
                        "{\"document\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\"}}"));
        add(
                t,
                "POST",
                p + "/counter/pickups/{bookingId}/print",
                Auth.DEVICE,
                r -> p + "/counter/pickups/" + enc(pick(r, fx.confirmedUuids())) + "/print",
                r -> "{}");
        add(
                t,
                "POST",
                p + "/counter/pickups/{bookingId}/reprint",
                Auth.DEVICE,
                r -> p + "/counter/pickups/" + enc(pick(r, fx.confirmedUuids())) + "/reprint",
                r -> "{\"reason\":\"torn\",\"cashierId\":\"c-1\"}");
        // the counter (the fuzzing device is a gate: bodies are read, then NOT_A_SELLER)
        add(
                t,
                "POST",
                p + "/counter/sales",
                Auth.DEVICE,
                r -> p + "/counter/sales",
                r -> "{\"saleId\":\"" + java.util.UUID.randomUUID() + "\",\"productId\":\"tour\",\"slotId\":\"tour-opt|"
                        + slot + "\",\"items\":[{\"unitId\":\"tour-adult\"},{\"unitId\":\"tour-child\",\"identity\":"
                        + "{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"张三\"}}]}");
        add(
                t,
                "POST",
                p + "/counter/sales/{saleId}/payment",
                Auth.DEVICE,
                r -> p + "/counter/sales/" + java.util.UUID.randomUUID() + "/payment",
                r -> pick(
                        r,
                        "{\"method\":\"CODE\",\"paymentCode\":\"134567890123456789\"}",
                        "{\"method\":\"NATIVE\"}",
                        "{\"method\":\"CASH\",\"tenderedFen\":10000}"));
        add(
                t,
                "POST",
                p + "/counter/sales/{saleId}/cancel",
                Auth.DEVICE,
                r -> p + "/counter/sales/" + java.util.UUID.randomUUID() + "/cancel",
                r -> "{}");
        boxOffice(t, fx);
        return t;
    }

    /** The box office's routes (the fuzz device is a gate: the terminal ones answer 403 NOT_A_SELLER, typed). */
    private static void boxOffice(Map<String, Target> t, Fixture fx) {
        String a = "/admin/v1";
        String p = "/terminal/v1/counter";
        add(
                t,
                "POST",
                a + "/cashiers",
                Auth.ADMIN,
                r -> a + "/cashiers",
                r -> "{\"id\":\"c" + r.nextInt(1000) + "\",\"name\":\"Fuzz\",\"role\":\"CASHIER\",\"pin\":\"1234\"}");
        add(
                t,
                "PATCH",
                a + "/cashiers/{id}",
                Auth.ADMIN,
                r -> a + "/cashiers/c" + r.nextInt(1000),
                r -> "{\"name\":\"Fuzz\",\"active\":true}");
        add(
                t,
                "POST",
                p + "/shifts",
                Auth.DEVICE,
                r -> p + "/shifts",
                r -> "{\"cashierId\":\"c1\",\"pin\":\"1234\",\"openingFloatFen\":1000}");
        add(
                t,
                "POST",
                p + "/shifts/{shiftId}/close",
                Auth.DEVICE,
                r -> p + "/shifts/S" + r.nextInt(1000) + "/close",
                r -> "{\"countedCashFen\":1000,\"deviceTally\":{\"sales\":[{\"saleId\":\"" + uuid(r)
                        + "\",\"method\":\"CASH\",\"amountFen\":100}],\"refunds\":[]}}");
        add(
                t,
                "POST",
                p + "/sales/{saleId}/refund",
                Auth.DEVICE,
                r -> p + "/sales/" + uuid(r) + "/refund",
                r -> "{\"shiftId\":\"S1\",\"reason\":\"fuzz\",\"passIds\":[\"" + fx.passId() + "\"]}");
        // console refunds of counter sales: a cash refund due paid out at a box office, the operator's refund (#20)
        add(
                t,
                "POST",
                p + "/refunds-due/{refundId}/pay-out",
                Auth.DEVICE,
                r -> p + "/refunds-due/" + pick(r, "CR1", "nope", "%00") + "/pay-out",
                r -> "{\"shiftId\":\"" + pick(r, "S1", "", "x".repeat(70)) + "\"}");
        add(
                t,
                "POST",
                "/admin/v1/counter/sales/{saleId}/refund",
                Auth.ADMIN,
                r -> "/admin/v1/counter/sales/" + uuid(r) + "/refund",
                r -> "{\"reason\":\"" + pick(r, "fuzz", "", "x".repeat(90)) + "\",\"passIds\":[\"" + fx.passId()
                        + "\"]}");
    }

    private static void add(
            Map<String, Target> t,
            String m,
            String template,
            Auth auth,
            Function<Random, String> path,
            Function<Random, String> body) {
        add(t, m, template, auth, path, body, 0.9);
    }

    private static void add(
            Map<String, Target> t,
            String m,
            String template,
            Auth auth,
            Function<Random, String> path,
            Function<Random, String> body,
            double authRate) {
        Target target = new Target(m, template, auth, path, body, authRate);
        t.put(target.key(), target);
    }

    static String entry(Random r, Fixture fx) {
        return "{\"eventId\":\"" + uuid(r) + "\",\"passId\":\"" + fx.passId()
                + "\",\"gateId\":\"gate-a\",\"deviceId\":\""
                + fx.deviceId()
                + "\",\"zoneId\":\"park\",\"direction\":\"IN\",\"credentialType\":\"QR\",\"verdict\":\"ADMIT\","
                + "\"reason\":\"OK\",\"deviceTime\":\"2026-06-02T02:10:00Z\",\"correctedTime\":\"2026-06-02T02:10:00Z\","
                + "\"offline\":true,\"partyCount\":1}";
    }

    static String product(String id) {
        return "{\"product\":{\"id\":\"" + id
                + "\",\"internalName\":\"Fuzz\",\"reference\":\"F\",\"timeZone\":\"Asia/Shanghai\","
                + "\"passKind\":\"TIMED_SLOT\",\"groupPass\":false,\"zones\":[\"park\"],\"dayPool\":null,\"cancelCutoffMinutes\":120,"
                + "\"currency\":\"CNY\",\"active\":true},\"options\":[{\"option\":{\"id\":\"" + id
                + "-o\",\"productId\":\"" + id
                + "\",\"internalName\":\"AM\",\"isDefault\":true,\"openTime\":\"09:00\",\"closeTime\":\"12:00\",\"intervalMinutes\":60,"
                + "\"slotCapacity\":30,\"closedWeekdays\":[\"MONDAY\"],\"closedDates\":[\"2026-06-05\"]},\"units\":[{\"unit\":"
                + "{\"id\":\"" + id + "-a\",\"optionId\":\"" + id
                + "-o\",\"type\":\"ADULT\",\"internalName\":\"Adult\",\"minAge\":18,"
                + "\"maxAge\":null,\"idRequired\":false,\"paxCount\":1},\"retail\":6000,\"net\":5000}]}]}";
    }

    private static String booking(Random r, Fixture fx) {
        int k = r.nextInt(10);
        if (k < 4) {
            return pick(r, fx.heldUuids());
        }
        if (k < 8) {
            return pick(r, fx.confirmedUuids());
        }
        return k == 8 ? uuid(r) : pick(r, "not-a-uuid", "%20", "..", "x".repeat(300));
    }

    static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }

    static String pick(Random r, List<String> options) {
        return options.get(r.nextInt(options.size()));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
