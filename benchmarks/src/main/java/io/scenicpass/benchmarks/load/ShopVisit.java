package io.scenicpass.benchmarks.load;

import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.TestServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One simulated visitor of the shop, with its own cookies: browses, signs in with the mailed code, books one place of
 * the hot slot and pays. Each page's time is recorded under its name in {@link #PAGES}; the answer is an outcome
 * ({@code booked}, {@code sold out}) or an exception saying which page went wrong.
 */
final class ShopVisit {
    /** The timed pages, in a visitor's order; {@code health} and {@code design.css} are the floor. */
    static final List<String> PAGES = List.of(
            "home",
            "design.css",
            "product",
            "health",
            "sign-in",
            "send-code",
            "code-form",
            "verify",
            "checkout-form",
            "hold",
            "pay-page",
            "pay",
            "paid-page");

    private static final Pattern SLOT = Pattern.compile("name=\"slot\" id=\"[^\"]*\" value=\"([^\"]+)\"");
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">");

    static final String BOOKED = "booked";
    static final String SOLD_OUT = "sold out";

    private final PageClient browser;
    private final Mailbox mail;
    private final Map<String, Latencies> times;
    private final String email;

    ShopVisit(PageClient browser, Mailbox mail, Map<String, Latencies> times, String name) {
        this.browser = browser;
        this.mail = mail;
        this.times = times;
        this.email = name + "@visitors.scenicpass.test";
    }

    /** The whole visit: browse, sign in, book and pay one place of the hot slot. */
    String run() throws IOException {
        String slot = browse(ShopLoad.HOT);
        signIn();
        return slot == null ? SOLD_OUT : book(ShopLoad.HOT, slot);
    }

    /** The home page, the stylesheet, the product's page of tomorrow, /health; the first slot with places, or null. */
    private String browse(String product) throws IOException {
        expect("home", () -> browser.get("/shop"), 200);
        expect("design.css", () -> browser.get("/design.css"), 200);
        String day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).toString();
        PageClient.Page page = expect("product", () -> browser.get("/shop/products/" + product + "?day=" + day), 200);
        expect("health", () -> browser.get("/health"), 200);
        Matcher m = SLOT.matcher(page.body());
        if (m.find()) {
            return unescape(m.group(1));
        }
        if (!page.body().contains("data-light=\"SOLD_OUT\"")) {
            throw new IOException("product page: neither a slot to choose nor one sold out");
        }
        return null;
    }

    /** Checkout form, hold, pay page, the simulated cashier, the paid page: BOOKED, or SOLD_OUT from the typed page. */
    private String book(String product, String slot) throws IOException {
        PageClient.Page form = expect(
                "checkout-form",
                () -> browser.get("/shop/checkout?product=" + product + "&slot="
                        + URLEncoder.encode(slot, StandardCharsets.UTF_8) + "&n-" + product + "-adult=1"),
                200);
        Map<String, String> fields = new HashMap<>();
        Matcher h = HIDDEN.matcher(form.body().substring(form.body().indexOf("id=\"checkout\"")));
        while (h.find()) {
            fields.put(h.group(1), unescape(h.group(2)));
        }
        PageClient.Page held = time("hold", () -> browser.post("/shop/checkout", fields));
        if (held.status() == 422 && "SOLD_OUT".equals(held.errorCode())) {
            return SOLD_OUT;
        }
        if (held.status() != 303) {
            throw new IOException("hold HTTP " + held.status() + " " + held.errorCode());
        }
        String ref = fields.get("ref");
        expect("pay-page", () -> browser.get("/shop/orders/" + ref + "/pay"), 200);
        expect("pay", () -> browser.post("/shop/orders/" + ref + "/pay/simulated", Map.of()), 303);
        PageClient.Page done = expect("paid-page", () -> browser.get("/shop/checkout/" + ref), 200);
        if (!done.body().contains("data-state=\"PAID\"")) {
            throw new IOException("paid page: not PAID");
        }
        return BOOKED;
    }

    private static String unescape(String html) {
        return html.replace("&#43;", "+")
                .replace("&#124;", "|")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private void signIn() throws IOException {
        expect("sign-in", () -> browser.get("/shop/sign-in"), 200);
        PageClient.Page sent = expect("send-code", () -> browser.post("/shop/sign-in", Map.of("address", email)), 303);
        expect("code-form", () -> browser.get(sent.location()), 200);
        String code = mail.codeFor(email, 120_000);
        expect("verify", () -> browser.post("/shop/sign-in/code", Map.of("code", code)), 303);
    }

    /** Times one page; any other status than {@code status} ends the visit with what the page said. */
    private PageClient.Page expect(String page, Supplier<PageClient.Page> call, int status) throws IOException {
        PageClient.Page p = time(page, call);
        if (p.status() != status) {
            throw new IOException(page + " HTTP " + p.status() + (p.errorCode() == null ? "" : " " + p.errorCode()));
        }
        return p;
    }

    private PageClient.Page time(String page, Supplier<PageClient.Page> call) {
        long t = System.nanoTime();
        PageClient.Page p = call.get();
        times.get(page).record(System.nanoTime() - t);
        return p;
    }

    /** A few visits on 8 threads before the crowd, so the crowd does not time a cold JVM (times not kept). */
    static void warmUp(TestServer ts, okhttp3.OkHttpClient shared, Mailbox mail) throws InterruptedException {
        Map<String, Latencies> ignored = new java.util.HashMap<>();
        for (String p : PAGES) {
            ignored.put(p, new Latencies(1000));
        }
        ExecutorService threads = Threads.perTask("warm-up");
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            threads.execute(() -> {
                try {
                    for (int i = 0; i < 10; i++) {
                        ShopVisit v = new ShopVisit(
                                new PageClient(ts.server.baseUrl(), shared), mail, ignored, "warm" + thread + "-" + i);
                        String slot = v.browse(ShopLoad.WARM);
                        v.signIn();
                        v.book(ShopLoad.WARM, slot);
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("warm-up: " + e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        threads.shutdown();
    }
}
