package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 2,000 concurrent reservations over HTTP against a slot of 100 places: exactly 100 are held. */
abstract class ConcurrentReservationContract {
    static final int REQUESTS = 2000;
    static final int CAPACITY = 100;
    static final String SLOT = "2026-06-02T10:00:00+08:00";

    @TempDir
    Path dir;

    /** JDBC URL of the database to use, or null for H2 in file mode. */
    abstract String dbUrl();

    @Test
    void neverOversellsAHotSlot() throws Exception {
        try (TestServer ts = new TestServer(dir, dbUrl(), new MutableClock(TestServer.START), Map.of())) {
            ts.product("hot", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, CAPACITY, false, 60, null);
            String key = ts.channel("ota", 100_000, 100_000, null);
            CountDownLatch done = new CountDownLatch(REQUESTS);
            Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> byError = new ConcurrentHashMap<>();
            for (int i = 0; i < REQUESTS; i++) {
                Request r = new Request.Builder()
                        .url(ts.url("/octo/bookings"))
                        .header("Authorization", "Bearer " + key)
                        .post(RequestBody.create(
                                TestServer.reserve("c-" + i, "hot", SLOT, "hot-adult"),
                                MediaType.get("application/json")))
                        .build();
                ts.http.newCall(r).enqueue(new Callback() {
                    @Override
                    public void onFailure(Call call, IOException e) {
                        byStatus.computeIfAbsent(-1, k -> new AtomicInteger()).incrementAndGet();
                        done.countDown();
                    }

                    @Override
                    public void onResponse(Call call, Response response) throws IOException {
                        try (response) {
                            String body = response.body().string();
                            byStatus.computeIfAbsent(response.code(), k -> new AtomicInteger())
                                    .incrementAndGet();
                            if (response.code() != 200) {
                                byError.computeIfAbsent(
                                                TestServer.MAPPER
                                                        .readTree(body)
                                                        .path("error")
                                                        .asText(),
                                                k -> new AtomicInteger())
                                        .incrementAndGet();
                            }
                        } finally {
                            done.countDown();
                        }
                    }
                });
            }
            assertThat(done.await(120, TimeUnit.SECONDS)).as("all answered").isTrue();
            assertThat(byStatus.get(200)).as("%s %s", byStatus, byError).hasValue(CAPACITY);
            assertThat(byStatus.get(400)).as("%s %s", byStatus, byError).hasValue(REQUESTS - CAPACITY);
            assertThat(byError).containsOnlyKeys("UNPROCESSABLE_ENTITY");
            Slot slot = ts.server.inventory().findSlot("hot-opt|" + SLOT).orElseThrow();
            assertThat(slot.held()).isEqualTo(CAPACITY);
            assertThat(slot.sold()).isZero();
            long onHold = ts.server.database().read(c -> {
                try (var st = c.prepareStatement("SELECT COUNT(*) FROM booking WHERE status='ON_HOLD' AND slot_id=?")) {
                    st.setString(1, slot.id());
                    try (var rs = st.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            assertThat(onHold).isEqualTo(CAPACITY);
            assertThat(ts.server.inventory().repair().check())
                    .as("counters = sums over the bookings")
                    .isEmpty();
        }
    }
}
