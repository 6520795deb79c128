package io.scenicpass.server.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.StoreException;
import io.scenicpass.server.sales.internal.HoldCombiner.Outcome;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The combined hold and its one-by-one fallback, against a real database. */
abstract class HoldCombinerContract {
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final String SLOT_ID = "hot-opt|" + SLOT;

    @TempDir
    Path dir;

    TestServer ts;
    HoldCombiner combiner;

    /** JDBC URL of the database to use, or null for H2 in file mode. */
    abstract String dbUrl();

    @BeforeEach
    void open() {
        ts = new TestServer(dir, dbUrl(), new MutableClock(TestServer.START), Map.of());
        ts.product("hot", "Asia/Shanghai", LocalTime.of(8, 0), LocalTime.of(18, 0), 120, 5, false, 60, null);
        String key = ts.channel("ota", 1000, 1000, null);
        // 3 of the 5 places go to an ordinary reservation (this also generates the day's slots)
        assertThat(ts.post(
                                "/octo/bookings",
                                key,
                                TestServer.reserve("first", "hot", SLOT, "hot-adult", "hot-adult", "hot-adult"))
                        .status())
                .isEqualTo(200);
        combiner = new HoldCombiner(
                ts.server.database(), new BookingStore(ts.server.database().dialect()), new InventoryStore());
    }

    @AfterEach
    void close() {
        ts.close();
    }

    @Test
    void aBatchBiggerThanTheRemainingPlacesFallsBackSoExactlyTheOnesThatFitAreHeld() {
        // 2 places left; the batch asks for 3 + 1 + 1 + 1: together refused, one by one the 3 is refused and
        // the first two 1s fit
        List<Outcome> out =
                combiner.holdAll(SLOT_ID, List.of(draft("a", 3), draft("b", 1), draft("c", 1), draft("d", 1)));
        assertThat(out).extracting(Outcome::isHeld).containsExactly(false, true, true, false);
        assertThat(out).extracting(Outcome::failure).containsOnlyNulls();
        assertThat(slot().held()).isEqualTo(5);
        assertThat(onHold()).containsExactlyInAnyOrder("first", "b", "c");
    }

    @Test
    void afterARefusalOnlySmallerDraftsAreTriedAgain() {
        // 2 places left; 3 is refused, so the second 3 is refused without asking; the 1s are still tried and fit
        List<Outcome> out = combiner.holdAll(
                SLOT_ID, List.of(draft("a", 3), draft("b", 3), draft("c", 1), draft("d", 1), draft("e", 1)));
        assertThat(out).extracting(Outcome::isHeld).containsExactly(false, false, true, true, false);
        assertThat(slot().held()).isEqualTo(5);
        assertThat(onHold()).containsExactlyInAnyOrder("first", "c", "d");
    }

    @Test
    void aBatchThatFitsIsHeldWithOneUpdate() {
        List<Outcome> out = combiner.holdAll(SLOT_ID, List.of(draft("a", 1), draft("b", 1)));
        assertThat(out).extracting(Outcome::isHeld).containsExactly(true, true);
        assertThat(slot().held()).isEqualTo(5);
        assertThat(onHold()).containsExactlyInAnyOrder("first", "a", "b");
        // full now: a further batch changes nothing
        assertThat(combiner.holdAll(SLOT_ID, List.of(draft("c", 1), draft("d", 1))))
                .extracting(Outcome::isHeld)
                .containsExactly(false, false);
        assertThat(slot().held()).isEqualTo(5);
    }

    @Test
    void aDuplicateUuidFailsAloneAndGivesItsPlaceBack() {
        List<Outcome> out = combiner.holdAll(SLOT_ID, List.of(draft("a", 1), draft("first", 1)));
        assertThat(out.get(0).isHeld()).isTrue();
        assertThat(out.get(1).failure()).isInstanceOf(StoreException.class);
        assertThat(((StoreException) out.get(1).failure()).isUniqueViolation()).isTrue();
        assertThat(slot().held()).isEqualTo(4);
        assertThat(onHold()).containsExactlyInAnyOrder("first", "a");
    }

    @Test
    void holdFromManyThreadsNeverOversells() throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Boolean> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 16; i++) {
            String uuid = "t" + i;
            Thread t = new Thread(() -> results.add(combiner.hold(draft(uuid, 1))));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(results).hasSize(16).filteredOn(b -> b).hasSize(2);
        assertThat(slot().held()).isEqualTo(5);
        assertThat(onHold()).hasSize(3);
    }

    @Test
    void aLoneClientNeverWaitsToGather() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        HoldCombiner lone = new HoldCombiner(
                ts.server.database(),
                new BookingStore(ts.server.database().dialect()),
                new InventoryStore(),
                3_600_000_000_000L,
                () -> {
                    reads.incrementAndGet();
                    return System.nanoTime();
                });
        assertThat(lone.hold(draft("a", 1))).isTrue();
        assertThat(lone.hold(draft("b", 1))).isTrue();
        // the ticker is read at the start and end of each batch only: no gathering deadline was ever taken
        assertThat(reads.get()).isEqualTo(4);
        assertThat(onHold()).containsExactlyInAnyOrder("first", "a", "b");
    }

    private Booking draft(String uuid, int places) {
        List<Booking.UnitItem> items = new ArrayList<>();
        for (int i = 0; i < places; i++) {
            items.add(new Booking.UnitItem(uuid + "-u" + i, i, "hot-adult", null, "S" + uuid + i, 10000, 9000, null));
        }
        return Booking.newHold(
                uuid,
                "ota",
                "hash-" + uuid,
                ts.server.catalogue().product("hot", null).product(),
                slot(),
                places,
                items,
                "S-" + uuid,
                TestServer.START,
                TestServer.START.plusSeconds(1800));
    }

    private Slot slot() {
        return ts.server.inventory().findSlot(SLOT_ID).orElseThrow();
    }

    private List<String> onHold() {
        return ts.server.database().read(c -> {
            List<String> out = new ArrayList<>();
            try (var st = c.prepareStatement("SELECT uuid FROM booking WHERE status='ON_HOLD' AND slot_id=?")) {
                st.setString(1, SLOT_ID);
                try (var rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }
}
