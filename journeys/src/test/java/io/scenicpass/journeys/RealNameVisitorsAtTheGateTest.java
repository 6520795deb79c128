package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.channel.model.UnitType;
import io.scenicpass.core.Claims;
import io.scenicpass.core.DocumentType;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.terminal.DeviceService;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.device.sim.SimulatedDocuments;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.rules.Reason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14, the gate half: a family books through an OTA and walks in at the north gate the way real-name parks
 * work. Grandma swipes her ID card (no phone), her son too; a 30-year-old trying her spare senior ticket with his own
 * ID is refused with the reason; the child has no ID and staff at the attended lane confirm; a tour group of 5
 * enters on one QR; a passport holder lays the passport on the reader; the cable-car ticket needs QR + ID; a
 * blacklisted visitor is refused on the swipe and on the QR. The passes are bound to their holders through the
 * operator's credentials API (the OCTO identity field arrives with the server half of #14).
 */
class RealNameVisitorsAtTheGateTest {
    static final String GRANDMA_1955 = cnId("34010219550312002");
    static final String SON_1988 = cnId("34010219880520001");
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
            OtaBookingFlow ota = new OtaBookingFlow(
                    park.reseller("ctrip"),
                    park.clock,
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            OtaBookingFlow.Result family = ota.run(
                    "park-entry",
                    List.of(
                            UnitType.ADULT, // 0: QR on a phone
                            UnitType.ADULT, // 1: the son, by ID card
                            UnitType.SENIOR, // 2: grandma, by ID card
                            UnitType.SENIOR, // 3: a spare senior ticket
                            UnitType.CHILD, // 4: no ID card
                            UnitType.ADULT, // 5: a passport holder
                            UnitType.ADULT), // 6: the blacklisted visitor
                    "CT-14-FAMILY");
            List<String> qr = family.qrCodes;
            OtaBookingFlow.Result group = ota.run("park-group", 5, "CT-14-GROUP");
            OtaBookingFlow.Result cable = ota.run("park-cablecar", 1, "CT-14-CABLE");
            assertThat(group.slot.getLocalDateTimeStart()).isEqualTo(family.slot.getLocalDateTimeStart());
            assertThat(cable.slot.getLocalDateTimeStart()).isEqualTo(family.slot.getLocalDateTimeStart());

            park.timeIs(family.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            byte[] key = bindingKey(park);
            bind(park, key, qr.get(1), DocumentType.CN_ID, SON_1988);
            bind(park, key, qr.get(2), DocumentType.CN_ID, GRANDMA_1955);
            bind(park, key, cable.qrCodes.get(0), DocumentType.CN_ID, CABLE_RIDER);
            bind(park, key, qr.get(5), DocumentType.PASSPORT, PASSPORT);
            bind(park, key, qr.get(6), DocumentType.CN_ID, BLACKLISTED);
            TestServerAnswer.ok(park.admin(
                    "POST",
                    "/admin/v1/blacklist",
                    "{\"binding\":\"" + b64url(HolderBinding.of(key, DocumentType.CN_ID, BLACKLISTED))
                            + "\",\"note\":\"journey\"}"));
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

            // the spare senior ticket and a 30-year-old's own ID: the gate asks for ID, then refuses, saying why
            assertThat(north.scan(qr.get(3)).reason()).isEqualTo(Reason.STAFF_CHECK_REQUIRED);
            Decision young = north.swipeId(THIRTY_1996);
            assertThat(young.admitted()).isFalse();
            Claims senior = PassCodec.decode(qr.get(3)).claims();
            assertThat(young.reason())
                    .isEqualTo(senior.minAge().isPresent() ? Reason.AGE_NOT_PROVEN : Reason.HOLDER_MISMATCH);

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
            assertThat(north.scan(cable.qrCodes.get(0)).reason()).isEqualTo(Reason.ID_CHECK_REQUIRED);
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

    private static byte[] bindingKey(Park park) {
        DeviceService devices = park.server.server.devices();
        return Base64.getDecoder().decode(devices.config(devices.list().get(0)).holderBindingKey());
    }

    /** The operator binds a pass to its holder's document (what issuance does for real-name bookings). */
    private static void bind(Park park, byte[] key, String qr, DocumentType type, String number) {
        TestServerAnswer.ok(park.admin(
                "PUT",
                "/admin/v1/passes/" + passId(qr) + "/credentials",
                "{\"holderBindings\":[\"" + b64url(HolderBinding.of(key, type, number)) + "\"]}"));
    }

    private static String passId(String qr) {
        return PassCodec.decode(qr).claims().passId();
    }

    private static String b64url(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** Admin answers the journey expects to succeed. */
    private static final class TestServerAnswer {
        static void ok(io.scenicpass.server.testing.TestServer.Answer a) {
            assertThat(a.status()).as("%s", a.body()).isBetween(200, 299);
        }
    }
}
