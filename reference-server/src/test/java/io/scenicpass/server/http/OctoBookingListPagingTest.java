package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /octo/bookings} pages: at most {@code limit} (default and maximum 500) bookings from {@code offset};
 * when more match, the answer says so with {@code X-Next-Offset} and a {@code Link: <…>; rel="next"} header (the body
 * stays the OCTO array). 520 bookings on one date come back whole over two pages, none twice.
 */
class OctoBookingListPagingTest {
    private static final String[] SLOTS = {"2026-06-02T10:00:00+08:00", "2026-06-02T12:00:00+08:00"};

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = TestServer.h2(dir);
        ts.product("tour", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 500, false, 60, null);
        key = ts.channel("ota", 100_000, 100_000, null);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 520; i++) {
                String body = TestServer.reserve("pg-" + i, "tour", SLOTS[i % 2], "tour-adult");
                calls.add(CompletableFuture.supplyAsync(
                        () -> ts.post("/octo/bookings", key, body).status(), pool));
            }
            assertThat(calls.stream().map(CompletableFuture::join)).containsOnly(200);
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void aDateWith520BookingsSaysTheFirstPageWasCutAndTheSecondPageHasTheRest() {
        Answer first = ts.get("/octo/bookings?localDate=2026-06-02", key);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json()).hasSize(500);
        assertThat(first.headers().get("x-next-offset")).isEqualTo("500");
        assertThat(first.headers().get("link"))
                .isEqualTo("</octo/bookings?localDate=2026-06-02&offset=500&limit=500>;" + " rel=\"next\"");

        Answer second = ts.get("/octo/bookings?localDate=2026-06-02&offset=500&limit=500", key);
        assertThat(second.json()).hasSize(20);
        assertThat(second.headers()).doesNotContainKeys("x-next-offset", "link");

        Set<String> seen = new HashSet<>();
        for (JsonNode b : first.json()) {
            seen.add(b.path("uuid").asText());
        }
        for (JsonNode b : second.json()) {
            assertThat(seen.add(b.path("uuid").asText()))
                    .as("listed twice: " + b.path("uuid"))
                    .isTrue();
        }
        assertThat(seen).hasSize(520);
    }

    @Test
    void smallerPagesAndBadPagingParameters() {
        Answer page = ts.get("/octo/bookings?localDate=2026-06-02&limit=100&offset=450", key);
        assertThat(page.json()).hasSize(70);
        assertThat(page.headers()).doesNotContainKey("x-next-offset");
        Answer cut = ts.get("/octo/bookings?localDate=2026-06-02&limit=100&offset=100", key);
        assertThat(cut.json()).hasSize(100);
        assertThat(cut.headers().get("x-next-offset")).isEqualTo("200");
        for (String bad : List.of("limit=0", "limit=501", "limit=x", "offset=-1", "offset=y")) {
            Answer a = ts.get("/octo/bookings?localDate=2026-06-02&" + bad, key);
            assertThat(a.status()).as(bad + ": " + a.body()).isEqualTo(400);
            assertThat(a.json().path("error").asText()).isEqualTo("BAD_REQUEST");
        }
    }
}
