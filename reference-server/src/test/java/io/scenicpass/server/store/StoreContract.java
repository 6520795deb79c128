package io.scenicpass.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.SettingStore;
import io.scenicpass.server.sales.BookingState;
import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import io.scenicpass.server.sales.store.CatalogueStore;
import io.scenicpass.server.sales.store.DueHoldStore;
import io.scenicpass.server.sales.store.InventoryStore;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.sales.store.PassStore;
import io.scenicpass.server.sales.store.Price;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.server.sales.store.Unit;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same store tests run on H2 (file mode) and on a real PostgreSQL. */
abstract class StoreContract {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 6, 2);

    @TempDir
    Path dir;

    Database db;
    final CatalogueStore catalogue = new CatalogueStore();
    final InventoryStore inventory = new InventoryStore();
    PassStore passes;
    final SettingStore settings = new SettingStore();
    BookingStore bookings;
    final ChannelStore channels = new ChannelStore();

    abstract String url();

    abstract String user();

    /** A second, empty database of the same kind. */
    abstract String otherUrl();

    @BeforeEach
    void open() {
        db = new Database(url(), user(), "", 4);
        passes = new PassStore(db.dialect());
        bookings = new BookingStore(db.dialect());
        db.tx(c -> {
            catalogue.insertProduct(
                    c,
                    new Product(
                            "p",
                            "P",
                            null,
                            "Asia/Shanghai",
                            "TIMED_SLOT",
                            false,
                            List.of("park"),
                            "pool",
                            60,
                            "CNY",
                            true),
                    NOW);
            catalogue.insertOption(
                    c,
                    new ProductOption(
                            "o",
                            "p",
                            "O",
                            true,
                            LocalTime.of(8, 0),
                            LocalTime.of(18, 0),
                            120,
                            5,
                            Set.of(java.time.DayOfWeek.MONDAY),
                            Set.of(DAY.plusDays(5))),
                    0);
            catalogue.putDayPool(c, "pool", 7);
            inventory.ensureSlot(c, slot());
            inventory.ensureSlot(c, slot()); // idempotent
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Slot slot() {
        return new Slot(
                "o|s1",
                "o",
                "p",
                DAY,
                "2026-06-02T08:00:00+08:00",
                "2026-06-02T10:00:00+08:00",
                Instant.parse("2026-06-02T00:00:00Z"),
                Instant.parse("2026-06-02T02:00:00Z"),
                5,
                0,
                0,
                false);
    }

    @Test
    void aBookingsUnitItemsTravelInItsRowWithTheirPassIds() {
        Booking b = booking("b1", List.of(item("i1", 0, null), item("i2", 1, "ref-2")));
        Booking history = booking("h1", List.of());
        db.tx(c -> {
            channels.insert(c, new Channel("ota", "OTA", "OTA", null, null, 10, 10, true), NOW);
            bookings.insertAll(c, List.of(b, history));
            return null;
        });
        assertThat(db.read(c -> bookings.find(c, "b1")).orElseThrow().unitItems())
                .isEqualTo(b.unitItems());
        assertThat(db.read(c -> bookings.find(c, "h1")).orElseThrow().unitItems())
                .isEmpty();
        List<Booking.UnitItem> issued = List.of(
                b.unitItems().get(0).withPassId("P1"), b.unitItems().get(1).withPassId("P2"));
        db.tx(c -> {
            bookings.setItems(c, "b1", issued);
            return null;
        });
        java.util.Map<String, Booking> found = db.read(c -> bookings.findAll(c, List.of("b1", "h1", "nope")));
        assertThat(found).containsOnlyKeys("b1", "h1");
        assertThat(found.get("b1").unitItems()).isEqualTo(issued);
        List<Booking> listed = db.read(c -> bookings.list(c, "ota", "ref-b1", null, null, null, 10));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).unitItems())
                .extracting(Booking.UnitItem::passId)
                .containsExactly("P1", "P2");
    }

    @Test
    void unitItemsOfTheOlderSchemaMoveIntoTheirBookingRows() throws Exception {
        String url = otherUrl();
        org.flywaydb.core.Flyway.configure()
                .dataSource(url, user(), "")
                .locations("classpath:db/migration")
                .target("40")
                .load()
                .migrate();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, user(), "")) {
            channels.insert(c, new Channel("ota", "OTA", "OTA", null, null, 10, 10, true), NOW);
            for (String uuid : List.of("a", "b", "c")) {
                Jdbc.update(
                        c,
                        "INSERT INTO booking(uuid, channel_id, product_id, option_id, slot_id, local_date, status,"
                                + " quantity, request_hash, supplier_reference, currency, total_retail, total_net, created_at, updated_at)"
                                + " VALUES (?, 'ota', 'p', 'o', 'o|s1', ?, 'CONFIRMED', 2, 'h', ?, 'CNY', 200, 180, 1, 1)",
                        uuid,
                        DAY,
                        "S-" + uuid);
            }
            String item = "INSERT INTO unit_item(uuid, booking_uuid, position, unit_id, reseller_reference,"
                    + " supplier_reference, retail, net, pass_id) VALUES (?,?,?,?,?,?,?,?,?)";
            Jdbc.update(c, item, "a-1", "a", 1, "adult", null, "SA1", 100L, 90L, null);
            Jdbc.update(c, item, "a-0", "a", 0, "child", "r0", "SA0", 50L, 45L, "PASS-A0");
            Jdbc.update(c, item, "b-0", "b", 0, "adult", null, "SB0", 100L, 90L, "PASS-B0");
        }
        try (Database migrated = new Database(url, user(), "", 2)) {
            java.util.Map<String, Booking> all = migrated.read(c -> bookings.findAll(c, List.of("a", "b", "c")));
            assertThat(all.get("a").unitItems())
                    .containsExactly(
                            new Booking.UnitItem("a-0", 0, "child", "r0", "SA0", 50, 45, "PASS-A0"),
                            new Booking.UnitItem("a-1", 1, "adult", null, "SA1", 100, 90, null));
            assertThat(all.get("b").unitItems())
                    .containsExactly(new Booking.UnitItem("b-0", 0, "adult", null, "SB0", 100, 90, "PASS-B0"));
            assertThat(all.get("c").unitItems()).isEmpty();
            List<String> tables = migrated.read(c -> Jdbc.list(
                    c,
                    "SELECT table_name FROM information_schema.tables" + " WHERE LOWER(table_name) = 'unit_item'",
                    rs -> rs.getString(1)));
            assertThat(tables).isEmpty();
        }
    }

    @Test
    void aBookingCarriesNoForeignKeyToItsChannel() {
        // V42: the referential check cost every hold a trigger (PostgreSQL) or an index (H2); channels are never
        // deleted
        List<String> fks = db.read(c -> {
            List<String> out = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = c.getMetaData().getImportedKeys(null, null, "booking")) {
                while (rs.next()) {
                    out.add(rs.getString("FKCOLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            return out;
        });
        assertThat(fks).doesNotContain("channel_id");
    }

    private static Booking booking(String uuid, List<Booking.UnitItem> items) {
        return new Booking(
                uuid,
                "ota",
                "p",
                "o",
                "o|s1",
                null,
                DAY,
                BookingState.ON_HOLD,
                Math.max(1, items.size()),
                0,
                "h-" + uuid,
                "ref-" + uuid,
                "S-" + uuid,
                null,
                null,
                "CNY",
                100,
                90,
                NOW.plusSeconds(600),
                NOW,
                NOW,
                null,
                null,
                null,
                null,
                null,
                items);
    }

    private static Booking.UnitItem item(String uuid, int position, String resellerRef) {
        return new Booking.UnitItem(uuid, position, "adult", resellerRef, "S" + uuid, 100, 90, null);
    }

    @Test
    void dueHoldsAreFoundThroughTheSlotsWithPlacesHeldAndDatesThroughTheirSlots() {
        // V43: no index on (status, expires_at) nor on local_date; holds are reached through their slot's held counter
        // or its allotments' (an allotment hold leaves slot.held at 0), dates through the date's slots
        Slot second = new Slot(
                "o|s2",
                "o",
                "p",
                DAY.plusDays(1),
                "2026-06-03T08:00:00+08:00",
                "2026-06-03T10:00:00+08:00",
                Instant.parse("2026-06-03T00:00:00Z"),
                Instant.parse("2026-06-03T02:00:00Z"),
                5,
                0,
                0,
                false);
        db.tx(c -> {
            inventory.ensureSlot(c, second);
            inventory.putAllotment(c, "o|s2", "ota", 2);
            inventory.tryHold(c, "o|s1", 2);
            inventory.tryHoldAllotment(c, "o|s2", "ota", 1);
            bookings.insertAll(
                    c,
                    List.of(
                            hold("shared", "o|s1", DAY, BookingState.ON_HOLD, 600),
                            hold("allotted", "o|s2", DAY.plusDays(1), BookingState.ON_HOLD, 300),
                            hold("later", "o|s1", DAY, BookingState.ON_HOLD, 900),
                            hold("confirmed", "o|s1", DAY, BookingState.CONFIRMED, 100)));
            return null;
        });
        Instant at = NOW.plusSeconds(700);
        DueHoldStore due = new DueHoldStore();
        assertThat(db.<List<String>>read(c -> due.dueHolds(c, at, 10))).containsExactly("allotted", "shared");
        assertThat(db.<List<String>>read(c -> due.dueHolds(c, at, 1))).containsExactly("allotted");
        assertThat(db.<List<String>>read(c -> due.dueHolds(c, NOW.plusSeconds(1000), 10)))
                .containsExactly("allotted", "shared", "later");
        assertThat(db.<List<String>>read(c -> due.dueHoldsForOption(c, "o", DAY, DAY, at)))
                .containsExactly("shared");
        assertThat(db.<List<String>>read(c -> due.dueHoldsForOption(c, "o", DAY, DAY.plusDays(1), at)))
                .containsExactlyInAnyOrder("shared", "allotted");
        assertThat(db.<List<String>>read(c -> due.dueHoldsForOption(c, "other", DAY, DAY.plusDays(1), at)))
                .isEmpty();
        assertThat(db.<List<Booking>>read(
                        c -> bookings.list(c, "ota", null, null, DAY.plusDays(1), DAY.plusDays(1), 10)))
                .extracting(Booking::uuid)
                .containsExactly("allotted");
        assertThat(db.<List<Booking>>read(c -> bookings.list(c, "ota", null, null, DAY, null, 10)))
                .hasSize(4);
        assertThat(db.<List<Booking>>read(c -> bookings.list(c, "ota", null, null, null, DAY, 10)))
                .extracting(Booking::uuid)
                .containsExactlyInAnyOrder("shared", "later", "confirmed");
        assertThat(db.<List<Booking>>read(c -> bookings.list(c, "nobody", null, null, DAY, DAY.plusDays(1), 10)))
                .isEmpty();
    }

    private static Booking hold(
            String uuid, String slotId, LocalDate date, BookingState status, long expiresInSeconds) {
        return new Booking(
                uuid,
                "ota",
                "p",
                "o",
                slotId,
                null,
                date,
                status,
                1,
                0,
                "h-" + uuid,
                null,
                "S-" + uuid,
                null,
                null,
                "CNY",
                100,
                90,
                NOW.plusSeconds(expiresInSeconds),
                NOW,
                NOW,
                null,
                null,
                null,
                null,
                null,
                List.of());
    }

    @Test
    void holdsNeverExceedCapacityAndCapacityCannotDropBelowSold() {
        boolean[] results = db.tx(c -> new boolean[] {
            inventory.tryHold(c, "o|s1", 3), inventory.tryHold(c, "o|s1", 3), inventory.tryHold(c, "o|s1", 2),
            inventory.holdToSold(c, "o|s1", 4), inventory.setCapacity(c, "o|s1", 3), inventory.setCapacity(c, "o|s1", 5)
        });
        assertThat(results).containsExactly(true, false, true, true, false, true);
        Slot s = db.read(c -> inventory.slot(c, "o|s1")).orElseThrow();
        assertThat(s.held()).isEqualTo(1);
        assertThat(s.sold()).isEqualTo(4);
        assertThat(s.vacancies()).isZero();
        assertThat(db.<Boolean>tx(c -> inventory.releaseSold(c, "o|s1", 5))).isFalse(); // never below zero
    }

    @Test
    void dailyPoolAndAllotments() {
        db.tx(c -> {
            inventory.ensureDayPool(c, "pool", DAY);
            inventory.ensureDayPool(c, "pool", DAY);
            inventory.putAllotment(c, "o|s1", "vip", 2);
            return null;
        });
        assertThat(db.<Boolean>tx(c -> inventory.tryHoldDay(c, "pool", DAY, 7))).isTrue();
        assertThat(db.<Boolean>tx(c -> inventory.tryHoldDay(c, "pool", DAY, 1))).isFalse();
        assertThat(db.<java.util.Optional<Integer>>read(c -> inventory.dayRemaining(c, "pool", DAY)))
                .contains(0);
        assertThat(db.<java.util.Optional<Integer>>read(c -> inventory.dayRemaining(c, "pool", DAY.plusDays(1))))
                .contains(7);
        assertThat(db.<Boolean>tx(c -> inventory.tryHoldAllotment(c, "o|s1", "vip", 2)))
                .isTrue();
        assertThat(db.<Boolean>tx(c -> inventory.tryHoldAllotment(c, "o|s1", "vip", 1)))
                .isFalse();
        assertThat(db.<Boolean>tx(c -> inventory.tryHoldAllotment(c, "o|s1", "other", 1)))
                .isFalse();
    }

    @Test
    void catalogueRoundTripsClosedDaysAndChannelPrices() {
        db.tx(c -> {
            catalogue.insertUnit(c, new Unit("u", "o", "ADULT", "Adult", 18, null, true, 1), 0);
            catalogue.putPrice(c, new Price("u", "*", 100, 90));
            catalogue.putPrice(c, new Price("u", "site", 80, 80));
            catalogue.putPrice(c, new Price("u", "site", 85, 85));
            return null;
        });
        ProductOption o = db.read(c -> catalogue.option(c, "o")).orElseThrow();
        assertThat(o.closedWeekdays()).containsExactly(java.time.DayOfWeek.MONDAY);
        assertThat(o.closedDates()).containsExactly(DAY.plusDays(5));
        assertThat(db.<List<Price>>read(c -> catalogue.prices(c, "o", "site")))
                .extracting(Price::retail)
                .containsExactly(85L);
        assertThat(db.<List<Price>>read(c -> catalogue.prices(c, "o", "ota")))
                .extracting(Price::retail)
                .containsExactly(100L);
    }

    @Test
    void revocationLogHasIncreasingSequencesAndRevokesOnce() {
        db.tx(c -> {
            channels.insert(c, new Channel("ch", "Ch", "OTA", null, null, 1, 1, true), NOW);
            bookings.insert(
                    c,
                    new Booking(
                            "b1",
                            "ch",
                            "p",
                            "o",
                            "o|s1",
                            null,
                            DAY,
                            BookingState.CONFIRMED,
                            1,
                            0,
                            "h",
                            null,
                            "SR1",
                            null,
                            null,
                            "CNY",
                            1,
                            1,
                            null,
                            NOW,
                            NOW,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of()));
            for (String id : List.of("P1", "P2", "P3")) {
                passes.insert(c, new PassRecord(id, "b1", "k", "SP1x", 1, NOW, NOW.plusSeconds(60), false, NOW));
            }
            return null;
        });
        assertThat(db.<Boolean>tx(c -> passes.revoke(c, "P2", "CANCELLED", NOW)))
                .isTrue();
        assertThat(db.<Boolean>tx(c -> passes.revoke(c, "P2", "CANCELLED", NOW)))
                .isFalse();
        assertThat(db.<Boolean>tx(c -> passes.revoke(c, "P1", "CANCELLED", NOW)))
                .isTrue();
        List<PassStore.Revocation> revs = db.read(c -> passes.revocationsSince(c, 0, 10));
        assertThat(revs).extracting(PassStore.Revocation::passId).containsExactly("P2", "P1");
        assertThat(revs.get(1).seq()).isGreaterThan(revs.get(0).seq());
        assertThat(db.<List<PassStore.Revocation>>read(
                        c -> passes.revocationsSince(c, revs.get(0).seq(), 10)))
                .hasSize(1);
    }

    @Test
    void aLaterRevocationNeverBecomesVisibleBeforeAnEarlierOneCommits() throws Exception {
        db.tx(c -> {
            channels.insert(c, new Channel("ch", "Ch", "OTA", null, null, 1, 1, true), NOW);
            bookings.insert(
                    c,
                    new Booking(
                            "b1",
                            "ch",
                            "p",
                            "o",
                            "o|s1",
                            null,
                            DAY,
                            BookingState.CONFIRMED,
                            1,
                            0,
                            "h",
                            null,
                            "SR1",
                            null,
                            null,
                            "CNY",
                            1,
                            1,
                            null,
                            NOW,
                            NOW,
                            null,
                            null,
                            null,
                            null,
                            null,
                            List.of()));
            for (String id : List.of("A", "B")) {
                passes.insert(c, new PassRecord(id, "b1", "k", "SP1x", 1, NOW, NOW.plusSeconds(60), false, NOW));
            }
            return null;
        });
        java.util.concurrent.ExecutorService other = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (java.sql.Connection first = db.dataSource().getConnection()) {
            first.setAutoCommit(false);
            assertThat(passes.revoke(first, "A", "CANCELLED", NOW)).isTrue(); // A has its sequence, not committed
            java.util.concurrent.Future<Boolean> second =
                    other.submit(() -> db.<Boolean>tx(c -> passes.revoke(c, "B", "CANCELLED", NOW)));
            // Without the feed lock B commits now with a higher sequence than the still-invisible A, and a terminal
            // whose cursor passes B would never see A.
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> second.get(1, java.util.concurrent.TimeUnit.SECONDS))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(db.<List<PassStore.Revocation>>read(c -> passes.revocationsSince(c, 0, 10)))
                    .isEmpty();
            first.commit();
            assertThat(second.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            other.shutdownNow();
        }
        assertThat(db.<List<PassStore.Revocation>>read(c -> passes.revocationsSince(c, 0, 10)))
                .extracting(PassStore.Revocation::passId)
                .containsExactly("A", "B");
    }

    @Test
    void settingsPutIfAbsentKeepsTheFirstValue() {
        assertThat(db.<String>tx(c -> settings.putIfAbsent(c, "k", "one"))).isEqualTo("one");
        assertThat(db.<String>tx(c -> settings.putIfAbsent(c, "k", "two"))).isEqualTo("one");
    }
}
