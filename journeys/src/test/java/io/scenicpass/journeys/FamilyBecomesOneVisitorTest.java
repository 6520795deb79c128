package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.core.Direction;
import io.scenicpass.core.EntryEvent;
import io.scenicpass.core.wire.EntryAck;
import io.scenicpass.core.wire.EntryAckStatus;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.sales.CatalogueService.OptionSpec;
import io.scenicpass.server.sales.CatalogueService.ProductSpec;
import io.scenicpass.server.sales.CatalogueService.UnitSpec;
import io.scenicpass.server.sales.store.Product;
import io.scenicpass.server.sales.store.ProductOption;
import io.scenicpass.server.sales.store.Unit;
import io.scenicpass.server.terminal.TerminalFixtures;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: a family (the mother and a child) books the park-and-museum ticket through Ctrip, and the mother books
 * another ticket through Meituan with the same phone; they come in at the museum's entrance, buy lunch at the noodle
 * bar's till (a partner posting the receipt by pass id) and leave through the exit lane in the afternoon.
 * The hub holds one visitor with both bookings, the visit (dwell, the museum's minutes), the receipt, the tags
 * {@code family} and {@code culture}, in the operator's segment. Then the mother asks to be erased: gone, not found
 * again by her phone, her facts left only as counts.
 */
class FamilyBecomesOneVisitorTest {
    static final String PHONE = "+86 139-1234-5678";
    static final String SLOT = "2026-06-02T10:00:00+08:00";
    static final Instant TEN = Instant.parse("2026-06-02T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void oneVisitorAcrossTwoResellersTheGatesAndATillThenErased() throws Exception {
        try (Park park = Park.open(dir)) {
            // the operator: a park-and-museum ticket, a till partner, an exit lane, a segment
            parkAndMuseum(park);
            park.server.server.admin().putGate(new SiteStore.Gate("gate-exit", "出口 Exit", "park", "OUT"));
            assertThat(park.admin("PUT", "/admin/v1/partners/noodles", "{\"name\":\"面馆 Noodle bar\"}")
                            .status())
                    .isEqualTo(200);
            String till = park.admin("POST", "/admin/v1/partners/noodles/token", null)
                    .json()
                    .get("token")
                    .asText();
            assertThat(park.admin(
                                    "PUT",
                                    "/admin/v1/segments/culture-families",
                                    "{\"name\":\"Culture families\",\"expression\":\"tags has family AND tags has culture\"}")
                            .json()
                            .get("size")
                            .asLong())
                    .isZero();

            // two resellers, one phone
            List<String> family = book(park, "ctrip", "CT-19", "park-museum-adult", "park-museum-child");
            List<String> mother = book(park, "meituan", "MT-19", "park-museum-adult");
            assertThat(mother).hasSize(1);

            // the day: in at the museum's entrance at 10:00 (a pass is good for one entry: the combined ticket's
            // visit starts at the museum), lunch at noon, out through the exit lane at 15:00
            park.timeIs(TEN);
            EmbeddedGate museum = park.gate("gate-museum");
            assertThat(museum.start().success()).isTrue();
            // the mother's pass (the child's would wait for the staff's age check: the family goes in on hers)
            Decision in = museum.scan(family.get(0));
            assertThat(in.admitted()).as("museum: %s", in).isTrue();
            List<String> passes = List.of(in.pass().orElseThrow().passId());
            assertThat(museum.syncNow().success()).isTrue();
            park.timeIs(TEN.plusSeconds(2 * 3600));
            TestServer.Answer lunch = park.server.post(
                    "/partner/v1/receipts",
                    till,
                    "{\"receiptId\":\"NB-0001\",\"passId\":\"" + passes.get(0)
                            + "\",\"amount\":8800,\"currency\":\"CNY\"}");
            assertThat(lunch.status()).as(lunch.body()).isEqualTo(201);
            park.timeIs(TEN.plusSeconds(5 * 3600));
            EmbeddedGate exit = park.gate("gate-exit");
            assertThat(exit.start().success()).isTrue();
            for (String pass : passes) {
                assertThat(leave(park, exit, pass).results().get(0).status()).isEqualTo(EntryAckStatus.ACCEPTED);
            }

            // the operator looks her up by her phone: one visitor, everything joined
            JsonNode found = park.admin("POST", "/admin/v1/visitors/lookup", "{\"phone\":\"13912345678\"}")
                    .json();
            long id = found.get("id").asLong();
            assertThat(found.toString()).doesNotContain("13912345678");
            JsonNode export = park.admin("GET", "/admin/v1/visitors/" + id + "/export", null)
                    .json();
            assertThat(export.get("bookings").findValuesAsText("channel"))
                    .containsExactlyInAnyOrder("ctrip", "meituan");
            assertThat(export.get("visits")).hasSize(1);
            for (JsonNode visit : export.get("visits")) {
                assertThat(visit.get("day").asText()).isEqualTo("2026-06-02");
                assertThat(visit.get("dwellMinutes").asInt()).isEqualTo(300);
                assertThat(visit.get("zones").get(0).get("zone").asText()).isEqualTo("museum");
                // the museum has no exit gate of its own: inside until the park's exit
                assertThat(visit.get("zones").get(0).get("minutes").asInt()).isEqualTo(300);
            }
            assertThat(export.get("receipts").get(0).get("amount").asLong()).isEqualTo(8800);
            assertThat(export.get("tags").toString()).contains("family", "culture");
            assertThat(export.get("segments").toString()).contains("culture-families");
            assertThat(park.admin("GET", "/admin/v1/segments/culture-families", null)
                            .json()
                            .get("size")
                            .asLong())
                    .isEqualTo(1);

            // she asks to be erased
            assertThat(park.admin("DELETE", "/admin/v1/visitors/" + id, null).status())
                    .isEqualTo(204);
            assertThat(park.admin("POST", "/admin/v1/visitors/lookup", "{\"phone\":\"13912345678\"}")
                            .status())
                    .isEqualTo(404);
            assertThat(park.admin("GET", "/admin/v1/visitors/" + id + "/export", null)
                            .status())
                    .isEqualTo(404);
            assertThat(park.admin("GET", "/admin/v1/segments/culture-families", null)
                            .json()
                            .get("size")
                            .asLong())
                    .isZero();
        }
    }

    /** The operator's park-and-museum ticket: one option, ADULT and CHILD, zones park and museum. */
    private static void parkAndMuseum(Park park) {
        String opt = "park-museum-std";
        park.server
                .server
                .catalogue()
                .create(new ProductSpec(
                        new Product(
                                "park-museum",
                                "景区+博物馆 Park and museum",
                                "PARK-MUSEUM",
                                "Asia/Shanghai",
                                "TIMED_SLOT",
                                false,
                                List.of("park", "museum"),
                                null,
                                24 * 60,
                                "CNY",
                                true),
                        List.of(new OptionSpec(
                                new ProductOption(
                                        opt,
                                        "park-museum",
                                        "Standard",
                                        true,
                                        LocalTime.of(8, 0),
                                        LocalTime.of(18, 0),
                                        120,
                                        100,
                                        Set.of(),
                                        Set.of()),
                                List.of(
                                        new UnitSpec(
                                                new Unit(
                                                        "park-museum-adult", opt, "ADULT", "Adult", 18, null, false, 1),
                                                22000,
                                                19800),
                                        new UnitSpec(
                                                new Unit("park-museum-child", opt, "CHILD", "Child", 6, 17, false, 1),
                                                11000,
                                                9900))))));
    }

    /** Reserves and confirms through the reseller's OCTO with the family's phone; the QR codes. */
    private static List<String> book(Park park, String channel, String ref, String... units) {
        String key = park.demo.channelKeys().get(channel);
        String uuid = UUID.randomUUID().toString();
        TestServer.Answer held = park.server.post(
                "/octo/bookings",
                key,
                TestServer.reserve(uuid, "park-museum", SLOT, units).replace("park-museum-opt", "park-museum-std"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        TestServer.Answer ok = park.server.post(
                "/octo/bookings/" + uuid + "/confirm",
                key,
                "{\"resellerReference\":\"" + ref + "\",\"contact\":{\"fullName\":\"Wang Fang\",\"phoneNumber\":\""
                        + PHONE + "\"}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        return ok.json().get("unitItems").findValues("ticket").stream()
                .map(t -> t.get("deliveryOptions").get(0).get("deliveryValue").asText())
                .toList();
    }

    /** The exit lane's gate uploads the pass going out (the example gate only admits: the lane reports the exit). */
    private static EntryAck leave(Park park, EmbeddedGate gate, String passId) throws Exception {
        Instant now = park.clock.instant();
        EntryEvent out = TerminalFixtures.admit(passId, gate.credentials().deviceId(), "gate-exit", now).toBuilder()
                .direction(Direction.OUT)
                .offline(false)
                .build();
        return park.upload(gate, List.of(out));
    }
}
