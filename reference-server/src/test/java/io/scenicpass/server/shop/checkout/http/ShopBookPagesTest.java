package io.scenicpass.server.shop.checkout.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.Mailbox;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.PageClient.Page;
import io.scenicpass.server.testing.ShopSignIn;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's selling pages over real HTTP (a browser-like client, sign-in with a code from a real SMTP server):
 * product page with live lights, saved travellers, checkout, the demo's cashier, the order confirmed once; CSRF
 * refused, typed errors in the visitor's language, the form posted twice never a second order.
 */
class ShopBookPagesTest {
    static final String SLOT = "rn-opt|" + IdentityFixture.SLOT;
    static final String ADULT_ID = IdentityFixture.cnId("19800101", "555");
    static final String CHILD_ID = IdentityFixture.cnId("20150101", "556");

    @TempDir
    Path dir;

    Mailbox mailbox;
    TestServer ts;
    PageClient browser;

    @BeforeEach
    void start() throws Exception {
        mailbox = Mailbox.start();
        ts = new TestServer(
                dir, null, new MutableClock(TestServer.START), mailbox.settings("shop.simulatedCashier", "true"));
        IdentityFixture.product(ts, "rn", false);
        TestServer.Answer policy = ts.send(
                "PUT",
                "/admin/v1/identity/products/rn/policy",
                TestServer.ADMIN,
                "{\"realName\":\"EVERY_VISITOR\",\"dailyLimit\":1,\"limitScope\":\"PRODUCT\"}",
                Map.of());
        assertThat(policy.status()).as(policy.body()).isEqualTo(200);
        browser = new PageClient(ts.url(""));
        ShopSignIn.signIn(browser, mailbox, "visitor@example.com");
    }

    @AfterEach
    void stop() {
        ts.close();
        mailbox.close();
    }

    Page addTraveller(String number, String name) {
        browser.get("/shop/travellers");
        return browser.post("/shop/travellers", Map.of("type", "CN_ID", "number", number, "name", name));
    }

    static String travellerId(String page, String maskedName) {
        Matcher m = Pattern.compile("data-id=\"(T[0-9A-Z]+)\">\\s*<span>" + Pattern.quote(maskedName))
                .matcher(page);
        if (!m.find()) {
            throw new AssertionError("no traveller " + maskedName + " in " + page);
        }
        return m.group(1);
    }

    /** The checkout form for one adult and one child ticket, with the two travellers chosen. */
    Map<String, String> checkoutForm(Page form, String adult, String child) {
        Map<String, String> f = new HashMap<>();
        for (String name : new String[] {"ref", "product", "slot", "u0", "u1"}) {
            Matcher m =
                    Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(m.find()).as(name).isTrue();
            f.put(name, m.group(1).replace("&#43;", "+").replace("&#124;", "|"));
        }
        f.put("t0", adult);
        f.put("t1", child);
        return f;
    }

    @Test
    void aVisitorChoosesASlotAddsTravellersAndPaysOnce() {
        Page product = browser.get("/shop/products/rn?day=2026-06-02");
        assertThat(product.status()).isEqualTo(200);
        assertThat(product.body()).contains("data-light=\"PLENTY\"").contains("余票");
        assertThat(browser.get("/shop/products/rn?day=2026-06-02&lang=en").body())
                .contains("left");

        assertThat(addTraveller(ADULT_ID, "张三").status()).isEqualTo(303);
        Page list = browser.get("/shop/travellers");
        assertThat(addTraveller(CHILD_ID, "张小").status()).isEqualTo(303);
        list = browser.get("/shop/travellers");
        assertThat(list.body()).contains("张*").doesNotContain(ADULT_ID).doesNotContain("张三");
        String adult = travellerId(list.body(), "张*");
        String child = travellerId(list.body().substring(list.body().indexOf(adult) + 5), "张*");

        Page form = browser.get(
                "/shop/checkout?product=rn&slot=" + SLOT.replace("+", "%2B") + "&n-rn-adult=1&n-rn-child=1");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        Map<String, String> fields = checkoutForm(form, adult, child);
        Page held = browser.post("/shop/checkout", fields);
        assertThat(held.status()).as(held.body()).isEqualTo(303);
        String ref = fields.get("ref");
        assertThat(held.location()).isEqualTo("/shop/orders/" + ref + "/pay");
        assertThat(browser.post("/shop/checkout", fields).location()).isEqualTo(held.location()); // double submit

        Page pay = browser.follow(held);
        assertThat(pay.body()).contains("id=\"pay\"").contains("¥");
        Page paid = browser.post("/shop/orders/" + ref + "/pay/simulated", Map.of());
        assertThat(paid.status()).isEqualTo(303);
        Page done = browser.follow(browser.follow(paid));
        assertThat(done.body()).contains("data-state=\"PAID\"").contains("/shop/orders/" + ref);
        assertThat(browser.post("/shop/orders/" + ref + "/pay/simulated", Map.of())
                        .status())
                .isEqualTo(303);
        assertThat(ts.server.payments().simulated.charges()).isEqualTo(1);
        assertThat(done.body()).contains("2 ticket(s)"); // the language chosen with ?lang=en stays with the session
    }

    @Test
    void csrfAndTypedErrorsInTheVisitorsLanguage() {
        Page refused = browser.post(
                "/shop/travellers", Map.of("_csrf", "forged", "type", "CN_ID", "number", ADULT_ID, "name", "张三"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("CSRF");

        Page bad = addTraveller("110101198001010000", "张三");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorCode()).isEqualTo("TRAVELLER_INVALID");
        assertThat(bad.body()).contains("证件信息有误").doesNotContain("110101198001010000");

        addTraveller(ADULT_ID, "张三");
        addTraveller(CHILD_ID, "张小");
        String page = browser.get("/shop/travellers").body();
        String adult = travellerId(page, "张*");
        String child = travellerId(page.substring(page.indexOf(adult) + 5), "张*");
        String url = "/shop/checkout?product=rn&slot=" + SLOT.replace("+", "%2B") + "&n-rn-adult=1&n-rn-child=1";
        assertThat(browser.post("/shop/checkout", checkoutForm(browser.get(url), adult, child))
                        .status())
                .isEqualTo(303);

        Page limit = browser.post("/shop/checkout", checkoutForm(browser.get(url), adult, child));
        assertThat(limit.status()).isEqualTo(422);
        assertThat(limit.errorCode()).isEqualTo("DOCUMENT_LIMIT");
        assertThat(limit.body()).contains("第 1 位游客").contains("每证每天 1 单");
        Page en = browser.post("/shop/checkout", checkoutForm(browser.get(url + "&lang=en"), adult, child));
        assertThat(en.errorCode()).isEqualTo("DOCUMENT_LIMIT");
        assertThat(en.body()).contains("Visitor 1: this document has reached its limit");

        Page other = new PageClient(ts.url("")).get("/shop/checkout/01JDK3M5T8Q9W0000G3Y5Z7A8B");
        assertThat(other.status()).isEqualTo(303); // signed out: to sign-in
        assertThat(browser.get("/shop/checkout/01JDK3M5T8Q9W0000G3Y5Z7A8B").errorCode())
                .isEqualTo("NOT_FOUND");
    }
}
