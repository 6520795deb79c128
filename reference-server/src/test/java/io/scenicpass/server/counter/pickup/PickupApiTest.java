package io.scenicpass.server.counter.pickup;

import static io.scenicpass.server.identity.IdentityFixture.NEXT_DAY_SLOT;
import static io.scenicpass.server.identity.IdentityFixture.SLOT;
import static io.scenicpass.server.identity.IdentityFixture.cnId;
import static io.scenicpass.server.identity.IdentityFixture.identity;
import static io.scenicpass.server.identity.IdentityFixture.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.server.admin.store.SiteStore;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.server.testing.TestServer.Answer;
import io.scenicpass.terminal.sync.CredentialStore;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.terminal.sync.Provisioning;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pick-up (取票) over the real terminal API: a visitor's bookings found by the swiped ID card or a typed code, printed
 * once, reprints audited; cancelled, unconfirmed, expired and past bookings answered with their own codes.
 */
class PickupApiTest {
    static final String ADULT = cnId("19960601", "456");
    static final String SENIOR = cnId("19550315", "123");
    static final String OTHER = cnId("19800101", "789");
    static final String P = "/terminal/v1/counter/pickups";

    @TempDir
    Path dir;

    TestServer ts;
    String key;
    DeviceCredentials kiosk;
    DeviceCredentials boxOffice;

    @BeforeEach
    void start() {
        ts = TestServer.h2(dir);
        IdentityFixture.product(ts, "rn", false);
        key = ts.channel("ota", 1000, 1000, null);
        kiosk = enroll("kiosk-1", "KIOSK");
        boxOffice = enroll("box-1", "BOX_OFFICE");
    }

    @AfterEach
    void stop() {
        ts.close();
    }

    @Test
    void theSwipedIdCardFindsTheBookingWhoseTicketsPrintOnceAndReprintsAreAudited() throws Exception {
        List<String> qr = book("p-1", SLOT, "CT-1", "rn-adult=" + cn(ADULT, "王强"), "rn-senior=" + cn(SENIOR, "王秀英"));
        book("p-other", SLOT, "CT-2", "rn-adult=" + cn(OTHER, "李四"));

        Answer found = device("lookup", "{\"document\":{\"type\":\"CN_ID\",\"number\":\"" + ADULT + "\"}}");
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).doesNotContain(ADULT).doesNotContain(SENIOR).doesNotContain("王强");
        JsonNode bookings = found.json().get("bookings");
        assertThat(bookings).hasSize(1);
        JsonNode b = bookings.get(0);
        assertThat(b.get("bookingId").asText()).isEqualTo("p-1");
        assertThat(b.get("printable").asBoolean()).isTrue();
        assertThat(b.get("printed").isNull()).isTrue();
        assertThat(b.get("visitDate").asText()).isEqualTo("2026-06-02");
        assertThat(texts(b.get("tickets"), "qrText")).containsExactlyElementsOf(qr);
        assertThat(texts(b.get("tickets"), "unitName")).containsExactly("Adult", "Senior");
        assertThat(b.get("tickets").get(1).get("holder").get("name").asText()).isEqualTo("王**");
        assertThat(b.get("tickets").get(0).get("slotStart").asText()).isEqualTo(SLOT);
        // the senior's card finds the same booking; an unknown card none
        assertThat(device("lookup", "{\"document\":{\"type\":\"CN_ID\",\"number\":\"" + SENIOR + "\"}}")
                        .json()
                        .get("bookings")
                        .get(0)
                        .get("bookingId")
                        .asText())
                .isEqualTo("p-1");
        assertThat(device(
                                "lookup",
                                "{\"document\":{\"type\":\"CN_ID\",\"number\":\"" + cnId("19900101", "111") + "\"}}")
                        .json()
                        .get("bookings"))
                .isEmpty();

        Answer printed = device("p-1/print", null);
        assertThat(printed.status()).as(printed.body()).isEqualTo(200);
        assertThat(printed.json().get("printed").get("deviceId").asText()).isEqualTo(kiosk.deviceId());
        assertThat(printed.json().get("printable").asBoolean()).isFalse();
        assertThat(texts(printed.json().get("tickets"), "qrText")).containsExactlyElementsOf(qr);

        Answer again = device("p-1/print", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ALREADY_PRINTED");
        assertThat(again.json().get("message").asText())
                .contains("kiosk kiosk-1")
                .contains(kiosk.deviceId());
        JsonNode shown = device("lookup", "{\"bookingCode\":\"CT-1\"}")
                .json()
                .get("bookings")
                .get(0);
        assertThat(shown.get("refusal").get("code").asText()).isEqualTo("ALREADY_PRINTED");

        // a reprint is for staff: refused at the kiosk, done at the box office with a reason, audited
        Answer atKiosk = device("p-1/reprint", "{\"reason\":\"ticket torn\"}");
        assertThat(atKiosk.status()).isEqualTo(403);
        assertThat(atKiosk.json().get("code").asText()).isEqualTo("BOX_OFFICE_ONLY");
        assertThat(device(boxOffice, "p-1/reprint", "{}").status()).isEqualTo(400);
        Answer reprint = device(boxOffice, "p-1/reprint", "{\"reason\":\"ticket torn\",\"cashierId\":\"c-07\"}");
        assertThat(reprint.status()).as(reprint.body()).isEqualTo(200);
        assertThat(reprint.json().get("reprints").asInt()).isEqualTo(1);
        assertThat(device(boxOffice, "p-1/reprint", "{\"reason\":\"lost in the rain\"}")
                        .json()
                        .get("reprints")
                        .asInt())
                .isEqualTo(2);

        Answer audit = ts.get("/admin/v1/counter/pickups?from=2026-05-31T00:00:00Z", TestServer.ADMIN);
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode prints = audit.json().get("prints");
        assertThat(texts(prints, "kind")).containsExactly("PRINT", "REPRINT", "REPRINT");
        assertThat(texts(prints, "bookingCode")).allMatch(c -> !c.isEmpty());
        assertThat(prints.get(1).get("reason").asText()).isEqualTo("ticket torn");
        assertThat(prints.get(1).get("by").asText()).isEqualTo("c-07");
        assertThat(prints.get(0).get("deviceName").asText()).isEqualTo("kiosk kiosk-1");
        assertThat(prints.get(2).get("deviceName").asText()).isEqualTo("box_office box-1");
        assertThat(ts.get("/admin/v1/counter/pickups", null).status()).isEqualTo(401);
    }

    @Test
    void aTypedCodeIsTheSupplierOrResellerReferenceOrTheUuid() {
        book("p-code", NEXT_DAY_SLOT, "MT-778899", "rn-adult");
        String supplierRef = device("lookup", "{\"bookingCode\":\"MT-778899\"}")
                .json()
                .get("bookings")
                .get(0)
                .get("bookingCode")
                .asText();
        for (String code : List.of(supplierRef, supplierRef.toLowerCase(java.util.Locale.ROOT), " p-code ")) {
            Answer a = device("lookup", "{\"bookingCode\":\"" + code + "\"}");
            assertThat(a.status()).as(code + ": " + a.body()).isEqualTo(200);
            assertThat(a.json().get("bookings").get(0).get("bookingId").asText())
                    .isEqualTo("p-code");
        }
        Answer none = device("lookup", "{\"bookingCode\":\"NOPE-1\"}");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("code").asText()).isEqualTo("BOOKING_NOT_FOUND");
        for (String bad : List.of(
                "{}",
                "{\"bookingCode\":\"x\",\"document\":{\"type\":\"CN_ID\",\"number\":\"1\"}}",
                "{\"bookingCode\":\"  \"}",
                "{\"document\":{\"type\":\"CN_ID\",\"number\":\"123\"}}")) {
            Answer a = device("lookup", bad);
            assertThat(a.status()).as(bad).isEqualTo(400);
            assertThat(a.json().get("code").asText()).isEqualTo("BAD_REQUEST");
        }
        assertThat(ts.post(P + "/lookup", null, "{\"bookingCode\":\"p-code\"}").status())
                .isEqualTo(401);
        Answer gate = device(enroll("gate-9", "GATE"), "lookup", "{\"bookingCode\":\"p-code\"}");
        assertThat(gate.status()).isEqualTo(403);
        assertThat(gate.json().get("code").asText()).isEqualTo("NOT_A_SELLER");
        assertThat(device("nope/print", null).json().get("code").asText()).isEqualTo("BOOKING_NOT_FOUND");
    }

    @Test
    void cancelledUnconfirmedExpiredAndPastBookingsAreRefusedWithTheirOwnCodes() {
        book("p-cancel", SLOT, "R-C", "rn-adult");
        assertThat(ts.post("/octo/bookings/p-cancel/cancel", key, "{\"reason\":\"plans changed\"}")
                        .status())
                .isEqualTo(200);
        assertThat(ts.post("/octo/bookings", key, reserve("p-hold", "rn", SLOT, "rn-adult"))
                        .status())
                .isEqualTo(200);
        book("p-today", SLOT, "R-T", "rn-adult=" + cn(ADULT, "王强"));

        refused("p-cancel", "BOOKING_CANCELLED");
        refused("p-hold", "BOOKING_NOT_CONFIRMED");
        Answer notPrinted = device(boxOffice, "p-today/reprint", "{\"reason\":\"x\"}");
        assertThat(notPrinted.status()).isEqualTo(409);
        assertThat(notPrinted.json().get("code").asText()).isEqualTo("NOT_PRINTED");

        ts.clock.advance(Duration.ofHours(2)); // past any hold, and still before the visit day
        refused("p-hold", "BOOKING_EXPIRED");

        ts.clock.set(Instant.parse("2026-06-02T16:30:00Z")); // 00:30 on 3 June in Shanghai: the visit day is over
        refused("p-today", "VISIT_DAY_PASSED");
        assertThat(device("lookup", "{\"document\":{\"type\":\"CN_ID\",\"number\":\"" + ADULT + "\"}}")
                        .json()
                        .get("bookings"))
                .as("a past booking is not offered to the card")
                .isEmpty();
    }

    /** Looked up by its uuid the booking says why; printing it answers that code with 409. */
    private void refused(String uuid, String code) {
        JsonNode b = device("lookup", "{\"bookingCode\":\"" + uuid + "\"}")
                .json()
                .get("bookings")
                .get(0);
        assertThat(b.get("printable").asBoolean()).as(uuid).isFalse();
        assertThat(b.get("refusal").get("code").asText()).as(uuid).isEqualTo(code);
        Answer print = device(uuid + "/print", null);
        assertThat(print.status()).as(print.body()).isEqualTo(409);
        assertThat(print.json().get("code").asText()).isEqualTo(code);
    }

    private DeviceCredentials enroll(String gateId, String role) {
        ts.server.admin().putGate(new SiteStore.Gate(gateId, "Visitor centre", "park", "IN"));
        Answer t = ts.post(
                "/admin/v1/enrollment-tokens",
                TestServer.ADMIN,
                "{\"gateId\":\"" + gateId + "\",\"label\":\"counter\",\"role\":\"" + role + "\"}");
        assertThat(t.status()).as(t.body()).isEqualTo(201);
        return new Provisioning(new CredentialStore(dir.resolve(gateId + ".json")))
                .serverUrl(ts.server.baseUrl())
                .enroll(
                        t.json().get("token").asText(),
                        role.toLowerCase(java.util.Locale.ROOT) + " " + gateId,
                        "SP-" + role);
    }

    /** A POST of the kiosk to {@code /terminal/v1/counter/pickups/<path>}. */
    private Answer device(String path, String json) {
        return device(kiosk, path, json);
    }

    private Answer device(DeviceCredentials d, String path, String json) {
        return ts.send("POST", P + "/" + path, null, json, Map.of("Authorization", "Device " + d.deviceToken()));
    }

    /** Reserves and confirms over OCTO with a reseller reference; the QR texts of the unit items in order. */
    private List<String> book(String uuid, String slot, String resellerRef, String... items) {
        Answer held = ts.post("/octo/bookings", key, reserve(uuid, "rn", slot, items));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        Answer ok =
                ts.post("/octo/bookings/" + uuid + "/confirm", key, "{\"resellerReference\":\"" + resellerRef + "\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        for (JsonNode item : ok.json().get("unitItems")) {
            out.add(item.get("ticket")
                    .get("deliveryOptions")
                    .get(0)
                    .get("deliveryValue")
                    .asText());
        }
        return out;
    }

    private static String cn(String number, String name) {
        return identity("CN_ID", number, name, null);
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }
}
