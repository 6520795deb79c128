package io.scenicpass.terminal.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.core.PassCodec;
import io.scenicpass.terminal.device.TestClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box office's offline selling without a server: allotments as last fetched (a file in the state directory), the
 * ledger never sells beyond them, under concurrency and across restarts, and keeps every journaled sale.
 */
class OfflineCounterTest {
    static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    @TempDir
    Path dir;

    final TestSigner signer = new TestSigner();

    /** The answer of GET /terminal/v1/counter/allotments: one slot, {@code quantity} places, 0 synced. */
    void allotment(int quantity) throws IOException {
        String json = "{\"issuerId\":\"area-1\",\"allotments\":[{\"slotId\":\"s1\",\"productId\":\"p\","
                + "\"productName\":\"Cable car\",\"start\":\"2026-06-01T01:00:00Z\",\"end\":\"2026-06-01T02:00:00Z\","
                + "\"quantity\":" + quantity + ",\"sold\":0,\"units\":["
                + "{\"id\":\"adult\",\"type\":\"ADULT\",\"name\":\"Adult\",\"priceFen\":10000,\"paxCount\":1},"
                + "{\"id\":\"family\",\"type\":\"FAMILY\",\"name\":\"Family\",\"priceFen\":25000,\"paxCount\":3}],"
                + "\"pass\":{\"issuerId\":\"area-1\",\"productId\":\"p\",\"kind\":\"TIMED_SLOT\","
                + "\"validFrom\":\"2026-06-01T01:00:00Z\",\"validUntil\":\"2026-06-01T02:00:00Z\",\"zones\":[\"park\"]}}]}";
        Files.createDirectories(dir);
        Files.write(dir.resolve("offline-allotments.json"), json.getBytes(StandardCharsets.UTF_8));
    }

    OfflineCounter counter() {
        return OfflineCounter.builder()
                .server("http://127.0.0.1:9", "dev_unreachable") // the cloud is down
                .stateDir(dir)
                .signer(signer)
                .clock(new TestClock(NOW))
                .build();
    }

    @Test
    void sellsWithSignedPassesAndRefusesBeyondTheAllotment() throws Exception {
        allotment(5);
        try (OfflineCounter c = counter()) {
            OfflineSale sale = c.sell("s1", List.of(OfflineItem.of("adult"), OfflineItem.of("family")), "CASH", null);
            assertThat(sale.places()).isEqualTo(4);
            assertThat(sale.amountFen()).isEqualTo(35000);
            assertThat(sale.tickets()).hasSize(2);
            var claims = PassCodec.decode(sale.tickets().get(1).passText()).claims();
            assertThat(claims.passId()).isEqualTo(signer.passId(2));
            assertThat(claims.partySize()).isEqualTo(3);
            assertThat(claims.validFrom()).isEqualTo(Instant.parse("2026-06-01T01:00:00Z"));
            assertThat(c.allotments().get(0).remaining()).isEqualTo(1);

            assertThatThrownBy(() -> c.sell("s1", List.of(OfflineItem.of("family")), "CASH", null))
                    .isInstanceOfSatisfying(
                            OfflineSaleException.class,
                            e -> assertThat(e.code()).isEqualTo(OfflineErrorCode.ALLOTMENT_EXHAUSTED));
            assertThatThrownBy(() -> c.sell("s2", List.of(OfflineItem.of("adult")), "CASH", null))
                    .isInstanceOfSatisfying(
                            OfflineSaleException.class,
                            e -> assertThat(e.code()).isEqualTo(OfflineErrorCode.NO_ALLOTMENT));
            assertThatThrownBy(() -> c.sell("s1", List.of(OfflineItem.of("adult")), "CHEQUE", null))
                    .isInstanceOfSatisfying(
                            OfflineSaleException.class,
                            e -> assertThat(e.code()).isEqualTo(OfflineErrorCode.INVALID_INPUT));
            c.sell("s1", List.of(OfflineItem.of("adult")), "CODE", null);
            assertThat(c.allotments().get(0).remaining()).isZero();
            assertThat(c.unsyncedCount()).isEqualTo(2);
        }
    }

    @Test
    void concurrentSalesNeverExceedTheAllotmentNorReuseAPassIdAcrossRestarts() throws Exception {
        allotment(50);
        AtomicInteger sold = new AtomicInteger();
        AtomicInteger exhausted = new AtomicInteger();
        try (OfflineCounter c = counter()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                fs.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < 20; i++) {
                        try {
                            c.sell("s1", List.of(OfflineItem.of(i % 5 == 0 ? "family" : "adult")), "CASH", null);
                            sold.incrementAndGet();
                        } catch (OfflineSaleException e) {
                            assertThat(e.code()).isEqualTo(OfflineErrorCode.ALLOTMENT_EXHAUSTED);
                            exhausted.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : fs) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertThat(places(c.sales())).isLessThanOrEqualTo(50).isGreaterThanOrEqualTo(48);
            assertThat(sold.get() + exhausted.get()).isEqualTo(160);
        }
        // after a restart the journal holds the same sales; what is left stays left, new passes take new ids
        allotment(51);
        try (OfflineCounter again = counter()) {
            assertThat(again.sales()).hasSize(sold.get());
            int left = 51 - places(again.sales());
            assertThat(again.allotments().get(0).remaining()).isEqualTo(left);
            if (left > 0) {
                again.sell("s1", List.of(OfflineItem.of("adult")), "CASH", null);
            }
            Set<String> passIds = new HashSet<>();
            again.sales()
                    .forEach(s -> s.tickets()
                            .forEach(t -> assertThat(passIds.add(t.passId()))
                                    .as("pass id %s twice", t.passId())
                                    .isTrue()));
        }
    }

    @Test
    void aTornLastRecordIsDroppedAndEverySaleBeforeItKept() throws Exception {
        allotment(10);
        try (OfflineCounter c = counter()) {
            c.sell("s1", List.of(OfflineItem.of("adult")), "CASH", null);
            c.sell("s1", List.of(OfflineItem.of("adult")), "CASH", null);
        }
        // a crash in the middle of the third append: half a record at the end of the log
        try (FileChannel ch = FileChannel.open(dir.resolve("offline-sales.log"), StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[] {0, 0, 1, 0, 7, 7, 7}));
        }
        try (OfflineCounter c = counter()) {
            assertThat(c.sales()).hasSize(2);
            assertThat(c.allotments().get(0).remaining()).isEqualTo(8);
            c.sell("s1", List.of(OfflineItem.of("adult")), "CASH", null);
        }
        try (OfflineCounter c = counter()) {
            assertThat(c.sales()).hasSize(3);
            assertThat(c.unsyncedCount()).isEqualTo(3);
        }
    }

    private static int places(List<OfflineSale> sales) {
        return sales.stream().mapToInt(OfflineSale::places).sum();
    }
}
