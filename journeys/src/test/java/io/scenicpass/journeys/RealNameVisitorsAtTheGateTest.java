package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.Identity;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.identity.IdentityFixture;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14 end to end: a family books through an OTA by real name (each visitor's document on the OCTO unit item)
 * and walks in at the north gate the way real-name parks work. Grandma swipes her ID card (no phone), her son too; a
 * 30-year-old trying another senior's ticket with his own ID is refused with the reason; the child has no ID card
 * and staff at the attended lane confirm; a tour group of 5 enters on one QR; a passport holder lays the passport on
 * the reader; the cable-car ticket needs QR + ID; a blacklisted visitor is refused on the swipe and on the QR; a
 * second booking on the same document the same day is refused at booking. No pass is bound by hand: the bindings
 * come from the bookings, through the manifest.
 */
class RealNameVisitorsAtTheGateTest {
    static final String GRANDMA_1955 = cnId("34010219550312002");
    static final String GRANDPA_1950 = cnId("34010219500101005");
    static final String SON_1988 = cnId("34010219880520001");
    static final String CHILD_2016 = cnId("34010220160601006");
    static final String THIRTY_1996 = cnId("33010619960505451");
    static final String BLACKLISTED = cnId("44030519800101003");
    static final String CABLE_RIDER = cnId("11010519900214004");
    static final String PASSPORT = "E1234567";

    @TempDir
    Path dir;

    static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void familyGroupPassportAndBlacklistAtTheNorthGate() throws Exception {
        try (Park park = Park.open(dir)) {
            // the operator's gate policy: concessions of the park ticket may be confirmed by staff, cable car = QR + ID
            TestServerAnswer.ok(park.admin(
                    "PATCH",
                    "/admin/v1/terminal-config",
                    "{\"productPolicies\":{\"park-entry\":{\"childPolicy\":\"ATTENDED\"},"
                            + "\"park-cablecar\":{\"idWithPass\":true}}}"));
            OtaBookingFlow ota = park.otaFlow(park.reseller("ctrip"));
            OtaBookingFlow.Result group = ota.run("park-group", 5, "CT-14-GROUP");
            String slot = group.slot.getId();
            String ctrip = park.demo.channelKeys().get("ctrip");
            // the family's booking: every visitor's document on their unit item (seniors and the child must give one)
            List<String> qr = book(
                    park,
                    ctrip,
                    "rn-family",
                    "park-entry",
                    slot,
                    "park-entry-adult", // 0: QR on a phone, no document
                    "park-entry-adult=" + cn(SON_1988, "王强"), // 1: the son, by ID card
                    "park-entry-senior=" + cn(GRANDMA_1955, "王秀英"), // 2: grandma, by ID card
                    "park-entry-senior=" + cn(GRANDPA_1950, "王建国"), // 3: grandpa's ticket
                    "park-entry-child=" + cn(CHILD_2016, "王小明"), // 4: has an ID number, no card
                    "park-entry-adult="
                            + IdentityFixture.identity("PASSPORT", PASSPORT, "John Smith", "GBR"), // 5: a tourist
                    "park-entry-adult=" + cn(BLACKLISTED, "黄牛")); // 6: blacklisted later
            // the cable-car rider is booked through the typed OCTO client (sdk-channel) with the identity extension
            ChannelClient client = park.reseller("ctrip");
            client.reserve(new BookingReservationRequest()
                    .uuid("rn-cable")
                    .productId("park-cablecar")
                    .optionId("park-cablecar-std")
                    .availabilityId(slot)
                    .unitItems(List.of(new UnitItemRequest()
                            .unitId("park-cablecar-adult")
                            .identity(new Identity()
                                    .type("CN_ID")
                                    .number(CABLE_RIDER)
                                    .name("赵六")))));
            Booking cableBooking = client.confirm("rn-cable", new BookingConfirmationRequest());
            // the answer shows the document typed, masked (the identity extension of the sdk-channel model)
            Identity shown = cableBooking.getUnitItems().get(0).getIdentity();
            assertThat(shown.getType()).isEqualTo("CN_ID");
            assertThat(shown.getName()).isEqualTo("赵*");
            assertThat(shown.getNumber()).doesNotContain(CABLE_RIDER).endsWith(CABLE_RIDER.substring(14));
            List<String> cable =
                    List.of(cableBooking.getUnitItems().get(0).getTicket().deliveryValue(DeliveryFormat.QRCODE));
            // one ticket per document per day: grandma cannot be booked again today, through any OTA
            TestServer.Answer again = park.server.post(
                    "/octo/bookings",
                    park.demo.channelKeys().get("meituan"),
                    IdentityFixture.reserve(
                            "rn-again", "park-cablecar", slot, "park-cablecar-senior=" + cn(GRANDMA_1955, "王秀英")));
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("errorMessage").asText()).contains("per document per day");
            // the operator blacklists a tout's document (reason and who, audited)
            TestServerAnswer.ok(park.admin(
                    "POST",
                    "/admin/v1/identity/blacklist",
                    "{\"type\":\"CN_ID\",\"number\":\"" + BLACKLISTED + "\",\"reason\":\"ticket touting\","
                            + "\"addedBy\":\"duty manager Li\"}"));

            park.timeIs(group.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            assertThat(north.syncNow().success()).isTrue();

            Decision phone = north.scan(qr.get(0));
            assertThat(phone.reason()).as("%s", phone).isEqualTo(Reason.OK);

            // grandma (born 1955) and her son, each by their own ID card alone
            Decision grandma = north.swipeId(GRANDMA_1955);
            assertThat(grandma.reason()).as("%s", grandma).isEqualTo(Reason.OK);
            assertThat(grandma.pass().get().passId()).isEqualTo(passId(qr.get(2)));
            Decision son = north.swipeId(SON_1988);
            assertThat(son.reason()).isEqualTo(Reason.OK);
            assertThat(son.pass().get().passId()).isEqualTo(passId(qr.get(1)));

            // grandpa's senior ticket shown with a 30-year-old's own ID: the gate asks, then refuses, saying why
            assertThat(north.scan(qr.get(3)).reason()).isEqualTo(Reason.STAFF_CHECK_REQUIRED);
            Decision young = north.swipeId(THIRTY_1996);
            assertThat(young.admitted()).isFalse();
            assertThat(young.reason()).isEqualTo(Reason.AGE_NOT_PROVEN);

            // the child has no ID card: staff at the attended lane look and confirm
            Decision child = north.scan(qr.get(4));
            assertThat(child.reason()).isEqualTo(Reason.STAFF_CHECK_REQUIRED);
            assertThat(child.messageEn()).contains("Staff");
            Decision confirmed = north.confirmByStaff().orElseThrow();
            assertThat(confirmed.admitted()).isTrue();
            assertThat(confirmed.reason()).isEqualTo(Reason.STAFF_CONFIRMED);

            // the tour group on one QR
            Decision tour = north.scan(group.qrCodes.get(0));
            assertThat(tour.admitted()).as("%s", tour).isTrue();
            assertThat(tour.partyCount()).isEqualTo(5);

            // the cable-car ticket needs QR + ID, and they must match
            assertThat(north.swipeId(CABLE_RIDER).reason()).isEqualTo(Reason.PASS_REQUIRED);
            assertThat(north.scan(cable.get(0)).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
            Decision rider = north.swipeId(CABLE_RIDER);
            assertThat(rider.reason()).as("%s", rider).isEqualTo(Reason.OK);

            // a passport holder lays the passport on the MRZ reader: the gate finds the pass
            List<String> mrz = SimulatedDocuments.mrz("P", "GBR", PASSPORT, LocalDate.of(1970, 1, 2), "SMITH");
            Decision tourist = north.showDocument(mrz);
            assertThat(tourist.reason()).as("%s", tourist).isEqualTo(Reason.OK);
            assertThat(tourist.pass().get().passId()).isEqualTo(passId(qr.get(5)));

            // the blacklisted visitor: refused on the swipe and on the QR bound to them
            assertThat(north.swipeId(BLACKLISTED).reason()).isEqualTo(Reason.BLACKLISTED);
            assertThat(north.scan(qr.get(6)).reason()).isEqualTo(Reason.BLACKLISTED);

            assertThat(north.syncNow().success()).isTrue();
            assertThat(north.pendingUploads()).isZero();
        }
    }

    private static String cn(String number, String name) {
        return IdentityFixture.identity("CN_ID", number, name, null);
    }

    /** Reserves and confirms over OCTO; the QR of each unit item, in order. */
    private static List<String> book(Park park, String key, String uuid, String product, String slot, String... items) {
        TestServer.Answer held =
                park.server.post("/octo/bookings", key, IdentityFixture.reserve(uuid, product, slot, items));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        TestServer.Answer ok = park.server.post("/octo/bookings/" + uuid + "/confirm", key, "{}");
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

    private static String passId(String qr) {
        return PassCodec.decode(qr).claims().passId();
    }

    /** Admin answers the journey expects to succeed. */
    private static final class TestServerAnswer {
        static void ok(io.scenicpass.server.testing.TestServer.Answer a) {
            assertThat(a.status()).as("%s", a.body()).isBetween(200, 299);
        }
    }
}
