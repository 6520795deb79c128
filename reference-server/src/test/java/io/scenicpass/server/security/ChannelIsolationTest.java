package io.scenicpass.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channel isolation over the real OCTO API: channel B can neither read nor change channel A's bookings, and its
 * answers for A's uuids are byte-for-byte the answers for uuids that do not exist (no existence oracle).
 */
class ChannelIsolationTest {
    @TempDir
    static Path dir;

    static TestServer ts;
    static String keyA;
    static String keyB;
    static String passA;

    @BeforeAll
    static void start() {
        ts = SecurityFixture.server(dir);
        keyA = ts.channel("chan-a", 10_000, 10_000, null);
        keyB = ts.channel("chan-b", 10_000, 10_000, null);
        passA = SecurityFixture.book(ts, keyA, "iso-a-confirmed");
        SecurityFixture.hold(ts, keyA, "iso-a-held", "REF-A-HELD");
        SecurityFixture.book(ts, keyB, "iso-b-confirmed");
    }

    @AfterAll
    static void stop() {
        ts.close();
    }

    /** Every per-booking OCTO operation, as (method, path suffix, body). */
    private static List<String[]> operations() {
        List<String[]> ops = new ArrayList<>();
        ops.add(new String[] {"GET", "", null});
        ops.add(new String[] {"PATCH", "", "{\"resellerReference\":\"HIJACKED\",\"notes\":\"mine now\"}"});
        ops.add(new String[] {"POST", "/confirm", "{\"resellerReference\":\"HIJACKED\"}"});
        ops.add(new String[] {"POST", "/extend", "{\"expirationMinutes\":60}"});
        ops.add(new String[] {"POST", "/cancel", "{\"reason\":\"not yours\"}"});
        ops.add(new String[] {"DELETE", "", null});
        return ops;
    }

    @Test
    void channelBCannotReadOrChangeChannelAsBookingsAndCannotTellThemFromUnknownOnes() {
        JsonNode confirmedBefore =
                ts.get("/octo/bookings/iso-a-confirmed", keyA).json();
        JsonNode heldBefore = ts.get("/octo/bookings/iso-a-held", keyA).json();
        for (String uuid : List.of("iso-a-confirmed", "iso-a-held")) {
            for (String[] op : operations()) {
                Answer foreign = ts.send(op[0], "/octo/bookings/" + uuid + op[1], keyB, op[2], java.util.Map.of());
                Answer unknown =
                        ts.send(op[0], "/octo/bookings/no-such-" + uuid + op[1], keyB, op[2], java.util.Map.of());
                String what = op[0] + " " + uuid + op[1];
                assertThat(foreign.status()).as(what + ": " + foreign.body()).isEqualTo(400);
                assertThat(foreign.json().path("error").asText()).as(what).isEqualTo("INVALID_BOOKING_UUID");
                assertThat(foreign.status()).as(what + " vs unknown").isEqualTo(unknown.status());
                assertThat(foreign.body().replace(uuid, "<uuid>"))
                        .as(what + " answers like an unknown uuid")
                        .isEqualTo(unknown.body().replace("no-such-" + uuid, "<uuid>"));
                assertThat(foreign.body()).as(what).doesNotContain("chan-a").doesNotContain(passA);
            }
        }
        // nothing changed for channel A
        assertThat(ts.get("/octo/bookings/iso-a-confirmed", keyA).json()).isEqualTo(confirmedBefore);
        JsonNode heldAfter = ts.get("/octo/bookings/iso-a-held", keyA).json();
        assertThat(heldAfter).isEqualTo(heldBefore);
        assertThat(heldAfter.path("status").asText()).isEqualTo("ON_HOLD");
        assertThat(heldAfter.path("resellerReference").asText()).isEqualTo("REF-A-HELD");
    }

    @Test
    void listingShowsOnlyTheChannelsOwnBookingsWhateverTheFilter() {
        String supplierRefA = ts.get("/octo/bookings/iso-a-confirmed", keyA)
                .json()
                .path("supplierReference")
                .asText();
        assertThat(supplierRefA).isNotBlank();
        // A sees its own through each filter (the filters work, so an empty answer for B means something)
        assertThat(uuids(ts.get("/octo/bookings?resellerReference=REF-A-HELD", keyA)))
                .containsExactly("iso-a-held");
        assertThat(uuids(ts.get("/octo/bookings?supplierReference=" + supplierRefA, keyA)))
                .containsExactly("iso-a-confirmed");
        assertThat(uuids(ts.get("/octo/bookings?localDate=2026-06-02", keyA)))
                .containsExactlyInAnyOrder("iso-a-confirmed", "iso-a-held");
        // B sees none of A's
        assertThat(uuids(ts.get("/octo/bookings?resellerReference=REF-A-HELD", keyB)))
                .isEmpty();
        assertThat(uuids(ts.get("/octo/bookings?resellerReference=REF-iso-a-confirmed", keyB)))
                .isEmpty();
        assertThat(uuids(ts.get("/octo/bookings?supplierReference=" + supplierRefA, keyB)))
                .isEmpty();
        assertThat(uuids(ts.get("/octo/bookings?localDate=2026-06-02", keyB))).containsExactly("iso-b-confirmed");
        assertThat(uuids(ts.get("/octo/bookings?localDateStart=2026-01-01&localDateEnd=2026-12-31", keyB)))
                .containsExactly("iso-b-confirmed");
    }

    @Test
    void channelBCannotFetchChannelAsTicketImage() {
        Answer own = ts.send(
                "GET", "/octo/tickets/" + SecurityFixture.passId(passA) + ".png", keyA, null, java.util.Map.of());
        assertThat(own.status()).isEqualTo(200);
        Answer foreign = ts.get("/octo/tickets/" + SecurityFixture.passId(passA) + ".png", keyB);
        Answer unknown = ts.get("/octo/tickets/ZZZZZZZZZZZZZZZZ.png", keyB);
        assertThat(foreign.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(foreign.json().path("error").asText())
                .isEqualTo(unknown.json().path("error").asText());
    }

    @Test
    void reusingAnotherChannelsUuidChangesNothingOfThatBooking() {
        JsonNode before = ts.get("/octo/bookings/iso-a-held", keyA).json();
        Answer clash = ts.post("/octo/bookings", keyB, SecurityFixture.reserveBody("iso-a-held", "REF-B"));
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.json().path("error").asText()).isEqualTo("INVALID_BOOKING_UUID");
        assertThat(clash.body()).doesNotContain("chan-a").doesNotContain("REF-A-HELD");
        assertThat(ts.get("/octo/bookings/iso-a-held", keyA).json()).isEqualTo(before);
    }

    private static List<String> uuids(Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode b : a.json()) {
            out.add(b.path("uuid").asText());
        }
        return out;
    }
}
