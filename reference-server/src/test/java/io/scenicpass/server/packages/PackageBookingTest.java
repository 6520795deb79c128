package io.scenicpass.server.packages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package booked through OCTO: one hold takes our slot and both partners' allotments (or nothing), the sale issues
 * our passes and a voucher per partner part, cancellation is whole and only before the strictest cutoff.
 */
class PackageBookingTest {
    @TempDir
    Path dir;

    TestServer ts;

    @BeforeEach
    void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of());
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void oneBookingTakesOurSlotAndBothPartnersAndIssuesPassesAndTwoVouchers() {
        PackageFixture f = new PackageFixture(ts, 3, 10);
        JsonNode b = f.book("p-1", 2);

        assertThat(b.path("unitItems")).hasSize(2);
        b.path("unitItems")
                .forEach(u -> assertThat(u.path("ticket")
                                .path("deliveryOptions")
                                .get(0)
                                .path("deliveryFormat")
                                .asText())
                        .isEqualTo("QRCODE"));
        List<String> vouchers = PackageFixture.vouchers(b);
        assertThat(vouchers).hasSize(2).allMatch(v -> v.matches("PV[0-9A-Z]{20}"));
        assertThat(f.vacancies()).isEqualTo(98);
        assertThat(f.allotment(f.hotelToken, "lakeside-double").path("sold").asInt())
                .isEqualTo(1); // one room per booking
        assertThat(f.allotment(f.busToken, "bus-1").path("sold").asInt()).isEqualTo(2); // one seat per person
        assertThat(f.allotment(f.busToken, "bus-1").path("held").asInt()).isZero();

        // each partner checks its own voucher, marks it used once; another partner's code is unknown to it
        String hotel = vouchers.get(0);
        Answer check = ts.get("/partner/v1/vouchers/" + hotel, f.hotelToken);
        assertThat(check.json().path("state").asText()).isEqualTo("VALID");
        assertThat(check.json().path("resourceId").asText()).isEqualTo("lakeside-double");
        assertThat(ts.get("/partner/v1/vouchers/" + hotel, f.busToken).status()).isEqualTo(404);
        Answer used = ts.post("/partner/v1/vouchers/" + hotel + "/use", f.hotelToken, null);
        assertThat(used.status()).as(used.body()).isEqualTo(200);
        assertThat(used.json().path("state").asText()).isEqualTo("USED");
        Answer again = ts.post("/partner/v1/vouchers/" + hotel + "/use", f.hotelToken, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("used already");

        Answer text = ts.get("/package-vouchers/" + vouchers.get(1), null);
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body())
                .contains(vouchers.get(1))
                .contains("Line 1 return")
                .contains("VALID");
        // a package with a used voucher is not cancelled
        Answer cancel = ts.post("/octo/bookings/p-1/cancel", f.key, "{}");
        assertThat(cancel.status()).isEqualTo(400);
        assertThat(cancel.body()).contains("voucher was used");
    }

    @Test
    void aPartnerSoldOutRefusesTheWholeHold() {
        PackageFixture f = new PackageFixture(ts, 1, 10);
        f.book("p-1", 1);

        Answer refused = f.reserve("p-2", 2);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(refused.body()).contains("Double room has 0 place(s) left on 2026-06-05");
        // nothing of the refused hold stayed: our slot, the bus
        assertThat(f.vacancies()).isEqualTo(99);
        JsonNode bus = f.allotment(f.busToken, "bus-1");
        assertThat(bus.path("held").asInt() + bus.path("sold").asInt()).isEqualTo(1);
    }

    @Test
    void cancellingBeforeTheStrictestCutoffReleasesEverythingAndVoidsTheVouchers() {
        PackageFixture f = new PackageFixture(ts, 3, 10);
        List<String> vouchers = PackageFixture.vouchers(f.book("p-1", 2));
        ts.clock.set(Instant.parse("2026-06-02T15:59:00Z")); // the hotel's cutoff: 48 h before 06-05 00:00 +08:00

        Answer c = ts.post("/octo/bookings/p-1/cancel", f.key, "{}");
        assertThat(c.status()).as(c.body()).isEqualTo(200);
        assertThat(c.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(f.vacancies()).isEqualTo(100);
        assertThat(f.allotment(f.hotelToken, "lakeside-double").path("sold").asInt())
                .isZero();
        assertThat(f.allotment(f.busToken, "bus-1").path("sold").asInt()).isZero();
        assertThat(ts.get("/partner/v1/vouchers/" + vouchers.get(0), f.hotelToken)
                        .json()
                        .path("state")
                        .asText())
                .isEqualTo("VOID");
        Answer use = ts.post("/partner/v1/vouchers/" + vouchers.get(1) + "/use", f.busToken, null);
        assertThat(use.status()).isEqualTo(409);
        assertThat(use.body()).contains("void");
    }

    @Test
    void cancellingAfterTheStrictestCutoffIsRefusedAndChangesNothing() {
        PackageFixture f = new PackageFixture(ts, 3, 10);
        f.book("p-1", 2);
        // past the hotel's cutoff, before the bus's (24 h) and our ticket's (60 min)
        ts.clock.set(Instant.parse("2026-06-02T16:01:00Z"));

        Answer c = ts.post("/octo/bookings/p-1/cancel", f.key, "{}");
        assertThat(c.status()).isEqualTo(400);
        assertThat(c.json().path("error").asText()).isEqualTo("UNPROCESSABLE_ENTITY");
        assertThat(c.body()).contains("cancellation cutoff passed at 2026-06-02T16:00:00Z");
        assertThat(ts.get("/octo/bookings/p-1", f.key).json().path("status").asText())
                .isEqualTo("CONFIRMED");
        assertThat(f.vacancies()).isEqualTo(98);
        assertThat(f.allotment(f.busToken, "bus-1").path("sold").asInt()).isEqualTo(2);
    }

    @Test
    void anExpiredHoldGivesThePartnersTheirPlacesBack() {
        PackageFixture f = new PackageFixture(ts, 3, 10);
        assertThat(f.reserve("p-1", 2).status()).isEqualTo(200);
        assertThat(f.allotment(f.hotelToken, "lakeside-double").path("held").asInt())
                .isEqualTo(1);

        ts.clock.advance(Duration.ofHours(3));
        ts.server.inventory().expireDueHolds();

        assertThat(f.allotment(f.hotelToken, "lakeside-double").path("held").asInt())
                .isZero();
        assertThat(f.allotment(f.busToken, "bus-1").path("held").asInt()).isZero();
        assertThat(f.vacancies()).isEqualTo(100);
    }

    @Test
    void aPackageBookingIsNotMovedOrPartlyRefunded() {
        PackageFixture f = new PackageFixture(ts, 3, 10);
        f.book("p-1", 2);
        Answer move = ts.send(
                "PATCH", "/octo/bookings/p-1", f.key, "{\"availabilityId\":\"2026-06-05T10:00:00+08:00\"}", Map.of());
        assertThat(move.status()).isEqualTo(400);
        assertThat(move.body()).contains("a package booking cannot be changed");
        assertThat(ts.get("/octo/bookings/p-1", f.key)
                        .json()
                        .path("availabilityId")
                        .asText())
                .isEqualTo(PackageFixture.SLOT);
    }
}
