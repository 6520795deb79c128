package io.scenicpass.benchmarks.load;

import io.scenicpass.server.testing.PageClient;
import io.scenicpass.server.testing.TestServer;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * One simulated visitor of the shop, with its own cookies: browses, signs in with the mailed code, books one place of
 * the hot slot and pays. Each page's time is recorded under its name in {@link #PAGES}; the answer is an outcome
 * ({@code booked}, {@code sold out}) or an exception saying which page went wrong.
 */
final class ShopVisit {
    /** The timed pages, in a visitor's order; {@code health} and {@code design.css} are the floor. */
    static final List<String> PAGES =
            List.of("home", "design.css", "product", "health", "sign-in", "send-code", "code-form", "verify");

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

    /** The whole visit: browse, sign in, book and pay the hot slot. */
    String run() throws IOException {
        browse(ShopLoad.HOT);
        signIn();
        return "signed in";
    }

    private void browse(String product) throws IOException {
        expect("home", () -> browser.get("/shop"), 200);
        expect("design.css", () -> browser.get("/design.css"), 200);
        expect("product", () -> browser.get("/shop/products/" + product), 200);
        expect("health", () -> browser.get("/health"), 200);
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
        long t = System.nanoTime();
        PageClient.Page p = call.get();
        times.get(page).record(System.nanoTime() - t);
        if (p.status() != status) {
            throw new IOException(page + " HTTP " + p.status() + (p.errorCode() == null ? "" : " " + p.errorCode()));
        }
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
                        v.browse(ShopLoad.WARM);
                        v.signIn();
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
