package io.scenicpass.server.offers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.counter.CounterFixture;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Offers where visitors see prices: the shop's checkout takes a code and its pay page shows the discount line (title,
 * amount) or a typed error in the visitor's language; the kiosk's sale answers its discounted amount with the
 * discount; the console page lists offers with their counts and pauses one.
 */
class OffersPagesTest {
    @TempDir
    Path dir;

    static String field(Page page, String name) {
        Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page.body());
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).replace("&#43;", "+").replace("&#124;", "|");
    }

    @Test
    void theShopCheckoutTakesACodeAndThePayPageSaysWhatWasTakenOff() throws Exception {
        try (Mailbox mailbox = Mailbox.start();
                TestServer ts = new TestServer(
                        dir,
                        null,
                        new MutableClock(TestServer.START),
                        mailbox.settings("shop.simulatedCashier", "true"))) {
            ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
            ts.post(
                    "/admin/v1/offers",
                    TestServer.ADMIN,
                    "{\"code\":\"KIDS\",\"title\":\"Children half price\",\"kind\":\"PERCENT\",\"amount\":50,"
                            + "\"unitType\":\"CHILD\"}");
            PageClient browser = new PageClient(ts.url(""));
            ShopSignIn.signIn(browser, mailbox, "family@example.com");
            String slot = "tour-opt|2026-06-02T10:00:00+08:00";
            Page form = browser.get(
                    "/shop/checkout?product=tour&slot=" + slot.replace("+", "%2B") + "&n-tour-adult=1&n-tour-child=1");
            assertThat(form.status()).as(form.body()).isEqualTo(200);
            assertThat(form.body()).contains("id=\"offer\"");
            Map<String, String> f = new HashMap<>();
            for (String name : new String[] {"ref", "product", "slot", "u0", "u1"}) {
                f.put(name, field(form, name));
            }
            f.put("offer", "nope");
            Page refused = browser.post("/shop/checkout", f);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.errorCode()).isEqualTo("OFFER_UNKNOWN");
            assertThat(refused.body()).contains("没有与此码对应的优惠或优惠券");

            f.put("ref", field(refused, "ref"));
            f.put("offer", "kids");
            Page held = browser.post("/shop/checkout", f);
            assertThat(held.status()).as(held.body()).isEqualTo(303);
            Page pay = browser.follow(held);
            assertThat(pay.body()).contains("id=\"discount\"").contains("Children half price");
            assertThat(pay.body()).containsPattern("id=\"amount\">¥\\s?125(\\.00)?<");
        }
    }

    @Test
    void theKioskSaleIsSoldAtTheDiscountedPriceAndSaysWhy() {
        try (TestServer ts = TestServer.h2(dir)) {
            CounterFixture fx = new CounterFixture(ts);
            ts.post(
                    "/admin/v1/offers",
                    TestServer.ADMIN,
                    "{\"code\":\"LOCALS\",\"title\":\"Locals: 30 yuan off\",\"kind\":\"AMOUNT\",\"amount\":3000}");
            String body = CounterFixture.saleBody(UUID.randomUUID().toString(), "tour-adult");
            TestServer.Answer sale = fx.as(
                    fx.kiosk,
                    "POST",
                    "/terminal/v1/counter/sales",
                    body.substring(0, body.length() - 1) + ",\"offerCode\":\"LOCALS\"}");
            assertThat(sale.status()).as(sale.body()).isEqualTo(201);
            JsonNode s = sale.json();
            assertThat(s.get("amountFen").asLong()).isEqualTo(7000);
            assertThat(s.get("discounts").get(0).get("title").asText()).isEqualTo("Locals: 30 yuan off");
            assertThat(s.get("discounts").get(0).get("amountFen").asLong()).isEqualTo(3000);
            String bad = CounterFixture.saleBody(UUID.randomUUID().toString(), "tour-adult");
            TestServer.Answer refused = fx.as(
                    fx.kiosk,
                    "POST",
                    "/terminal/v1/counter/sales",
                    bad.substring(0, bad.length() - 1) + ",\"offerCode\":\"WHAT\"}");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("code").asText()).isEqualTo("OFFER_UNKNOWN");
        }
    }

    @Test
    void theConsolePageListsOffersAndPausesOne() throws Exception {
        try (TestServer ts = TestServer.h2(dir)) {
            ts.server
                    .console()
                    .operators
                    .create("mkt", "Marketing", io.scenicpass.server.console.Role.MARKETING, "a-long-password-1");
            PageClient browser = new PageClient(ts.url(""));
            browser.get("/console/sign-in");
            Page in = browser.post(
                    "/console/sign-in", Map.of("login", "mkt", "password", "a-long-password-1", "next", "/console"));
            assertThat(in.status()).as(in.body()).isEqualTo(303);
            browser.get("/console/offers");
            Page made = browser.post(
                    "/console/offers",
                    Map.of("title", "Spring", "code", "SPRING", "kind", "PERCENT", "amount", "10", "totalLimit", "5"));
            assertThat(made.status()).as(made.body()).isEqualTo(303);
            Page list = browser.get("/console/offers");
            assertThat(list.body())
                    .contains("SPRING")
                    .contains("data-status=\"ACTIVE\"")
                    .contains("href=\"/console/offers\"");
            String id = ts.get("/admin/v1/offers", TestServer.ADMIN)
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
            assertThat(browser.post("/console/offers/pause", Map.of("offerId", id))
                            .status())
                    .isEqualTo(303);
            assertThat(browser.get("/console/offers").body()).contains("data-status=\"PAUSED\"");
            Page bad = browser.post("/console/offers", Map.of("title", "X", "kind", "PERCENT", "amount", "101"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.errorCode()).isEqualTo("BAD_REQUEST");
            assertThat(ts.get("/admin/v1/audit", TestServer.ADMIN).body()).contains("console: pause offer");
        }
    }
}
