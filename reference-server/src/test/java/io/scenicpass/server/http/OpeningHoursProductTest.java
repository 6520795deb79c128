package io.scenicpass.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassKind;
import io.scenicpass.core.PassVerifier;
import io.scenicpass.core.SignedKeySet;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.demo.DemoSeeder;
import io.scenicpass.server.sales.CatalogueService;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.testing.MutableClock;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the demo's museum day ticket is an OCTO {@code OPENING_HOURS} product: no start times, one all-day
 * availability per day with its opening hours (also in the calendar), booked and confirmed like any product, and its
 * passes are DAY passes valid for the opening hours.
 */
class OpeningHoursProductTest {
    static final String DAY = "2026-06-03T09:00:00+08:00";

    @TempDir
    static Path dir;

    static TestServer ts;
    static String key;

    @BeforeAll
    static void start() {
        ts = new TestServer(dir, null, new MutableClock(TestServer.START), Map.of("flow.demoHistoryDays", "0"));
        key = new DemoSeeder(ts.server).seed().channelApiKey();
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    @Test
    void theMuseumIsSoldByOpeningHours() {
        JsonNode museum = ok(ts.get("/octo/products/museum-day", key));
        assertThat(museum.get("availabilityType").asText()).isEqualTo("OPENING_HOURS");
        assertThat(museum.get("options").get(0).get("availabilityLocalStartTimes"))
                .isEmpty();
        assertThat(ok(ts.get("/octo/products/park-entry", key))
                        .get("availabilityType")
                        .asText())
                .isEqualTo("START_TIME");

        JsonNode days = ok(ts.post(
                "/octo/availability",
                key,
                "{\"productId\":\"museum-day\",\"optionId\":\"museum-day-std\","
                        + "\"localDateStart\":\"2026-06-02\",\"localDateEnd\":\"2026-06-04\"}"));
        assertThat(days).hasSize(3);
        for (JsonNode a : days) {
            assertThat(a.get("allDay").asBoolean()).isTrue();
            assertThat(a.get("id").asText()).endsWith("T09:00:00+08:00");
            assertThat(a.get("openingHours").get(0).get("from").asText()).isEqualTo("09:00");
            assertThat(a.get("openingHours").get(0).get("to").asText()).isEqualTo("17:00");
        }
        JsonNode calendar = ok(ts.post(
                "/octo/availability/calendar",
                key,
                "{\"productId\":\"museum-day\",\"optionId\":\"museum-day-std\","
                        + "\"localDateStart\":\"2026-06-01\",\"localDateEnd\":\"2026-07-01\"}"));
        assertThat(calendar)
                .hasSize(31)
                .allSatisfy(d -> assertThat(d.get("openingHours")).hasSize(1));
    }

    @Test
    void aMuseumBookingIssuesDayPassesValidForTheOpeningHours() {
        Answer held = ts.post(
                "/octo/bookings",
                key,
                "{\"uuid\":\"museum-1\",\"productId\":\"museum-day\",\"availabilityId\":\"" + DAY
                        + "\",\"unitItems\":[{\"unitId\":\"museum-day-adult\"},{\"unitId\":\"museum-day-child\",\"identity\":"
                        + io.scenicpass.server.identity.IdentityFixture.identity(
                                "CN_ID",
                                io.scenicpass.server.identity.IdentityFixture.cnId("20160101", "111"),
                                "王小明",
                                null)
                        + "}]}"); // a child ticket is sold by real name: the child's ID number proves the age
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().get("availability").get("allDay").asBoolean()).isTrue();
        JsonNode confirmed = ok(ts.post("/octo/bookings/museum-1/confirm", key, "{}"));
        String text = confirmed
                .get("unitItems")
                .get(0)
                .get("ticket")
                .get("deliveryOptions")
                .get(0)
                .get("deliveryValue")
                .asText();
        String keyset = ts.get("/admin/v1/keyset", TestServer.ADMIN).body();
        io.scenicpass.core.KeySet ks =
                SignedKeySet.fromJson(keyset).verify(ts.server.keys().root().publicKey());
        Pass pass = ks.codes().resolve(new PassVerifier(ks).decodeAndVerify(text, ts.clock.instant())); // codes → ids
        assertThat(pass.claims().kind()).isEqualTo(PassKind.DAY);
        assertThat(pass.claims().productId()).isEqualTo("museum-day");
        assertThat(pass.claims().slotStart()).isEmpty();
        assertThat(pass.claims().validFrom()).isEqualTo(Instant.parse("2026-06-03T01:00:00Z"));
        assertThat(pass.claims().validUntil()).isEqualTo(Instant.parse("2026-06-03T09:00:00Z"));
    }

    @Test
    void aDayProductWithSeveralSlotsADayIsRefused() {
        CatalogueService.ProductSpec spec = new CatalogueService.ProductSpec(
                new Product("bad-day", "Bad", null, "Asia/Shanghai", "DAY", false, List.of(), null, 60, "CNY", true),
                List.of(new CatalogueService.OptionSpec(
                        new ProductOption(
                                "bad-day-opt",
                                "bad-day",
                                "Option",
                                true,
                                LocalTime.of(9, 0),
                                LocalTime.of(17, 0),
                                120,
                                10,
                                Set.of(),
                                Set.of()),
                        List.of(new CatalogueService.UnitSpec(
                                new Unit("bad-day-adult", "bad-day-opt", "ADULT", "Adult", 18, null, false, 1),
                                100,
                                90)))));
        assertThatThrownBy(() -> ts.server.catalogue().create(spec))
                .isInstanceOf(ServiceException.class)
                .hasMessageContaining("opening hours");
    }

    private static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
