package io.scenicpass.server.shop.checkout.http;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop prices for the signed-in visitor (issue #19) over real HTTP with the real visitor hub: a visitor of the
 * family segment sees the family offer with its reason before paying and pays that price; their second order, over
 * the offer's per-visitor limit, is at the full price and says why; a visitor outside the segment pays the full price.
 * A promo code's per-visitor limit counts an order made before the hub knew the visitor.
 */
class ShopPricesForTheVisitorTest {
    static final String SLOT = "park-opt|2026-06-02T10:00:00+08:00";
    static final String FAMILY = "family@example.com";

    @TempDir
    Path dir;

    Mailbox mailbox;
    TestServer ts;
    String ota;

    @BeforeEach
    void start() throws Exception {
        mailbox = Mailbox.start();
        ts = new TestServer(
                dir, null, new MutableClock(TestServer.START), mailbox.settings("shop.simulatedCashier", "true"));
        ts.product("park", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 100, false, 60, null);
        ota = ts.channel("ota", 1000, 1000, null);
    }

    @AfterEach
    void stop() {
        ts.close();
        mailbox.close();
    }

    PageClient signedIn(String email) throws Exception {
        PageClient browser = new PageClient(ts.url(""));
        ShopSignIn.signIn(browser, mailbox, email);
        return browser;
    }

    /** Holds an order of one adult and one child (with a code when not null): the answer to the form's post. */
    Page order(PageClient browser, String code) {
        Page form = browser.get("/shop/checkout?product=park&slot=" + SLOT.replace("+", "%2B")
                + "&n-park-adult=1&n-park-child=1&lang=en");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> f = new HashMap<>();
        for (String name : new String[] {"ref", "product", "slot", "u0", "u1"}) {
            Matcher m =
                    Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(m.find()).as(name).isTrue();
            f.put(name, m.group(1).replace("&#43;", "+").replace("&#124;", "|"));
        }
        if (code != null) {
            f.put("offer", code);
        }
        return browser.post("/shop/checkout", f);
    }

    static String amount(Page pay) {
        Matcher m = Pattern.compile("id=\"amount\">([^<]+)<").matcher(pay.body());
        assertThat(m.find()).as(pay.body()).isTrue();
        return m.group(1);
    }

    /** Pays the order shown on {@code pay} with the demo's cashier: the amount charged, in fen. */
    long pays(PageClient browser, Page pay) {
        Matcher ref = Pattern.compile("id=\"ref\">([0-9A-Z]+)<").matcher(pay.body());
        assertThat(ref.find()).isTrue();
        long before = ts.server.payments().simulated.charges();
        assertThat(browser.post("/shop/orders/" + ref.group(1) + "/pay/simulated", Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(ts.server.payments().simulated.charges()).isEqualTo(before + 1);
        return ts.server
                .database()
                .read(c -> io.scenicpass.server.db.Jdbc.one(
                                c,
                                "SELECT amount_fen FROM payment WHERE order_ref LIKE ? AND state='SUCCEEDED'",
                                rs -> rs.getLong(1),
                                "%" + ref.group(1))
                        .orElseThrow());
    }

    /** The family's first visit: an OTA booking with a child under the same email, taken in by the hub. */
    void familyVisitedBefore() {
        TestServer.Answer held = ts.post(
                "/octo/bookings",
                ota,
                TestServer.reserve("first-visit", "park", "2026-06-02T08:00:00+08:00", "park-adult", "park-child"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        TestServer.Answer ok = ts.post(
                "/octo/bookings/first-visit/confirm", ota, "{\"contact\":{\"emailAddress\":\"" + FAMILY + "\"}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        ts.server.visitors().feed().catchUp();
        TestServer.Answer segment = ts.send(
                "PUT",
                "/admin/v1/segments/family",
                TestServer.ADMIN,
                "{\"name\":\"Families\",\"expression\":\"tags has family\"}",
                Map.of());
        assertThat(segment.status()).as(segment.body()).isEqualTo(200);
        TestServer.Answer offer = ts.post(
                "/admin/v1/offers",
                TestServer.ADMIN,
                "{\"title\":\"Families 20 % off the play zone\",\"kind\":\"PERCENT\",\"amount\":20,"
                        + "\"unitType\":\"CHILD\",\"segment\":\"family\",\"perVisitorLimit\":1}");
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
    }

    @Test
    void aFamilySeesAndPaysTheFamilyPriceOnceThenTheFullPriceWithTheReason() throws Exception {
        familyVisitedBefore();
        PageClient family = signedIn(FAMILY);

        Page pay = family.follow(order(family, null));
        assertThat(pay.body()).contains("Families 20 % off the play zone: -¥10.00");
        assertThat(amount(pay)).isEqualTo("¥140.00");
        assertThat(pays(family, pay)).isEqualTo(14000);

        // the second order: over the per-visitor limit, the full price, and the summary says why
        Page again = family.follow(order(family, null));
        assertThat(amount(again)).isEqualTo("¥150.00");
        assertThat(again.body())
                .doesNotContain("id=\"discount\"")
                .contains("data-code=\"OFFER_LIMIT_REACHED\"")
                .contains(
                        "Families 20 % off the play zone: not applied. This offer has been used as often as it may be.");
        assertThat(pays(family, again)).isEqualTo(15000);
    }

    @Test
    void aVisitorOutsideTheSegmentPaysTheFullPrice() throws Exception {
        familyVisitedBefore();
        PageClient other = signedIn("single@example.com");
        Page pay = other.follow(order(other, null));
        assertThat(amount(pay)).isEqualTo("¥150.00");
        assertThat(pay.body()).doesNotContain("id=\"discount\"").doesNotContain("offer-declined");
        assertThat(pays(other, pay)).isEqualTo(15000);
    }

    @Test
    void aPromoCodesPerVisitorLimitCountsAnOrderMadeBeforeTheHubKnewTheVisitor() throws Exception {
        TestServer.Answer offer = ts.post(
                "/admin/v1/offers",
                TestServer.ADMIN,
                "{\"code\":\"SPRING\",\"title\":\"Spring: 10 yuan off\",\"kind\":\"AMOUNT\",\"amount\":1000,"
                        + "\"unitType\":\"ADULT\",\"perVisitorLimit\":1}");
        assertThat(offer.status()).as(offer.body()).isEqualTo(201);
        PageClient shopper = signedIn("new@example.com");
        Page pay = shopper.follow(order(shopper, "spring"));
        assertThat(pay.body()).contains("Spring: 10 yuan off (code SPRING): -¥10.00");
        assertThat(pays(shopper, pay)).isEqualTo(14000);
        ts.server.visitors().feed().catchUp(); // the hub links the paid order to a new visitor

        Page refused = order(shopper, "SPRING");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo("OFFER_LIMIT_REACHED");
    }
}
