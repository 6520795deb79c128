package io.scenicpass.server.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weight of the shop's first pages on a phone (issue #18, "pages load fast"): the bytes a browser transfers for
 * the home page and a product page — HTML plus the stylesheets and scripts it links, as sent to a browser that accepts
 * gzip — stay under a budget, and their server time (median of 20 loopback requests) is printed for
 * docs/benchmarks.md. Images are not counted (they load after the first paint).
 */
class ShopPageWeightTest {
    /** The home page's budget: HTML + CSS + JS bytes on the wire. */
    static final int HOME_BUDGET_BYTES = 60 * 1024;

    @TempDir
    Path dir;

    TestServer ts;
    HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        // the demo park without its synthetic flow history (a minute of inserts the shop's pages do not read)
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of("flow.demoHistoryDays", "0"));
        new DemoSeeder(ts.server).seed();
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void theHomePageAndAProductPageStayUnderTheBudget() throws Exception {
        Weight home = weigh("/shop");
        Matcher product = Pattern.compile("href=\"(/shop/products/[^\"?#]+)\"").matcher(home.html);
        assertThat(product.find()).as("a product link on the home page").isTrue();
        Weight page = weigh(product.group(1));
        System.out.println(home);
        System.out.println(page);
        assertThat(home.total()).as(home.toString()).isLessThanOrEqualTo(HOME_BUDGET_BYTES);
        assertThat(page.total()).as(page.toString()).isLessThanOrEqualTo(HOME_BUDGET_BYTES);
    }

    /** Bytes on the wire of a page and what it links (stylesheets, scripts), and its median server time. */
    record Weight(String path, String html, long htmlBytes, long linkedBytes, String encoding, double medianMillis) {
        long total() {
            return htmlBytes + linkedBytes;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%s: HTML %d B + CSS/JS %d B = %d B on the wire (Content-Encoding %s), server time median %.1f ms",
                    path,
                    htmlBytes,
                    linkedBytes,
                    total(),
                    encoding,
                    medianMillis);
        }
    }

    private Weight weigh(String path) throws Exception {
        HttpResponse<byte[]> page = get(path);
        assertThat(page.statusCode()).as(path).isEqualTo(200);
        String html = new String(plain(page), java.nio.charset.StandardCharsets.UTF_8);
        Set<String> linked = new LinkedHashSet<>();
        Matcher m = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"|<script[^>]* src=\"([^\"]+)\"")
                .matcher(html);
        while (m.find()) {
            linked.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        long linkedBytes = 0;
        for (String l : linked) {
            HttpResponse<byte[]> r = get(l);
            assertThat(r.statusCode()).as(l).isEqualTo(200);
            linkedBytes += r.body().length;
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            get(path);
            nanos.add(System.nanoTime() - t);
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Weight(
                path,
                html,
                page.body().length,
                linkedBytes,
                page.headers().firstValue("Content-Encoding").orElse("none"),
                sorted[sorted.length / 2] / 1e6);
    }

    /** GET as a phone's browser asks: gzip accepted; the body as sent (compressed when the server compressed it). */
    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(ts.url(path)))
                        .header("Accept-Encoding", "gzip")
                        .header("Accept-Language", "zh-CN")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] plain(HttpResponse<byte[]> r) throws java.io.IOException {
        if (r.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
            try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
                return in.readAllBytes();
            }
        }
        return Arrays.copyOf(r.body(), r.body().length);
    }
}
