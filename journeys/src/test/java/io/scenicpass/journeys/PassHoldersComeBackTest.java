package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Credential;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.GateContext;
import io.scenicpass.terminal.rules.Reason;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pass holders come back (issue #23): the operator puts an annual pass and a 2-day re-entry pass on sale, Ctrip sells
 * them through OCTO, and the gates decide offline from what they synced. The annual pass is activated, admitted by
 * QR, refused a second entry that day, frozen (refused), unfrozen and admitted the next day; the 2-day pass enters,
 * exits and re-enters on its first day, enters on the second and is refused on the third. (The face steps of issue
 * #23 join these journeys: activation with a photo, admission by face alone.)
 */
class PassHoldersComeBackTest {
    static final String HOLDER = "{\"holder\":{\"type\":\"CN_ID\",\"number\":\"11010519491231002X\",\"name\":\"王芳\"},"
            + "\"enrolment\":{\"source\":\"SHOP\",\"reference\":\"journey-photo-1\"}}";

    @TempDir
    Path dir;

    @Test
    void anAnnualPassHolderComesOnceADayAndIsFrozenAndUnfrozen() throws Exception {
        try (Park park = Park.open(dir)) {
            sell(
                    park,
                    "annual-pass",
                    "ANNUAL",
                    30000,
                    "{\"reentry\":\"UNLIMITED\",\"entriesAllowed\":0,"
                            + "\"entriesPerDay\":1,\"validityMonths\":12,\"activationDays\":90,\"refundFee\":2000}");
            OtaBookingFlow.Result bought = book(park.reseller("ctrip"), park, "annual-pass", "CT-ANNUAL-1");
            String sold = bought.qrCodes.get(0);
            Instant visit = bought.slot.getLocalDateTimeStart().toInstant(); // tomorrow, opening time
            EmbeddedGate north = park.gate("gate-north");
            park.timeIs(visit.plus(Duration.ofHours(1)));
            assertThat(north.start().success()).isTrue();
            assertThat(north.scan(sold).reason()).as("sold, not activated").isEqualTo(Reason.NOT_ACTIVATED);

            // activated in the shop with a photo: a new pass, bound to the holder
            JsonNode active = ok(park.admin("POST", "/admin/v1/annual-passes/" + passId(sold) + "/activate", HOLDER));
            assertThat(active.get("state").asText()).isEqualTo("ACTIVE");
            String qr = active.get("passText").asText();
            north.syncNow();
            assertThat(north.scan(qr).admitted()).isTrue();
            assertThat(north.scan(qr).reason()).as("one entry a day").isEqualTo(Reason.ALREADY_ENTERED_TODAY);

            // lent to a friend: frozen, and the gate learns it with its next sync
            park.timeIs(visit.plus(Duration.ofDays(1)));
            ok(park.admin("POST", "/admin/v1/annual-passes/" + passId(sold) + "/freeze", "{\"reason\":\"lent\"}"));
            north.syncNow();
            assertThat(north.scan(qr).reason()).isEqualTo(Reason.FROZEN);
            ok(park.admin("POST", "/admin/v1/annual-passes/" + passId(sold) + "/appeal", "{\"appeal\":\"my sister\"}"));
            ok(park.admin("POST", "/admin/v1/annual-passes/" + passId(sold) + "/unfreeze", "{}"));
            north.syncNow();

            // the next day, with the network down: admitted from what the gate synced
            park.timeIs(visit.plus(Duration.ofDays(2)));
            north.cutNetwork();
            Decision next = north.scan(qr);
            assertThat(next.admitted()).as("%s", next).isTrue();
            assertThat(north.scan(qr).reason()).isEqualTo(Reason.ALREADY_ENTERED_TODAY);
        }
    }

    @Test
    void aTwoDayPassReentersAfterExitAndEndsAfterItsDays() throws Exception {
        try (Park park = Park.open(dir)) {
            sell(
                    park,
                    "two-day",
                    "MULTI_DAY",
                    15000,
                    "{\"reentry\":\"AFTER_EXIT\",\"entriesAllowed\":0," + "\"windowDays\":2,\"daysAllowed\":2}");
            OtaBookingFlow.Result bought = book(park.reseller("ctrip"), park, "two-day", "CT-2DAY-1");
            String qr = bought.qrCodes.get(0);
            Instant visit = bought.slot.getLocalDateTimeStart().toInstant();
            EmbeddedGate south = park.gate("gate-south");
            park.timeIs(visit.plus(Duration.ofHours(1)));
            assertThat(south.start().success()).isTrue();
            south.cutNetwork(); // the whole visit offline

            assertThat(south.scan(qr).admitted()).isTrue();
            assertThat(south.scan(qr).reason()).isEqualTo(Reason.EXIT_REQUIRED);
            assertThat(exit(south, qr).admitted()).isTrue();
            assertThat(south.scan(qr).admitted()).as("re-entry the same day").isTrue();

            park.timeIs(visit.plus(Duration.ofDays(1)));
            assertThat(south.scan(qr).admitted()).as("the second day").isTrue();
            assertThat(exit(south, qr).admitted()).isTrue();

            park.timeIs(visit.plus(Duration.ofDays(2)));
            assertThat(south.scan(qr).reason()).as("a third day").isEqualTo(Reason.EXPIRED);
            assertThat(south.restoreNetwork().success()).isTrue();
            assertThat(south.pendingUploads()).isZero();
        }
    }

    /** The operator's catalogue: a product of {@code kind} at the park with one adult unit, and its pass terms. */
    static void sell(Park park, String id, String kind, long price, String terms) {
        String product = "{\"product\":{\"id\":\"" + id + "\",\"internalName\":\"" + id + "\",\"reference\":\""
                + id.toUpperCase() + "\",\"timeZone\":\"Asia/Shanghai\",\"passKind\":\"" + kind
                + "\",\"groupPass\":false,\"zones\":[\"park\"],\"dayPool\":null,\"cancelCutoffMinutes\":0,"
                + "\"currency\":\"CNY\",\"active\":true},\"options\":[{\"option\":{\"id\":\"" + id + "-std\","
                + "\"productId\":\"" + id + "\",\"internalName\":\"Standard\",\"isDefault\":true,"
                + "\"openTime\":\"07:00\",\"closeTime\":\"18:00\",\"intervalMinutes\":660,\"slotCapacity\":500,"
                + "\"closedWeekdays\":[],\"closedDates\":[]},\"units\":[{\"unit\":{\"id\":\"" + id + "-adult\","
                + "\"optionId\":\"" + id + "-std\",\"type\":\"ADULT\",\"internalName\":\"Adult\",\"minAge\":null,"
                + "\"maxAge\":null,\"idRequired\":false,\"paxCount\":1},\"retail\":" + price + ",\"net\":" + price
                + "}]}]}";
        assertThat(park.admin("POST", "/admin/v1/products", product).status()).isEqualTo(201);
        ok(park.admin("PUT", "/admin/v1/products/" + id + "/pass-terms", terms));
    }

    static OtaBookingFlow.Result book(ChannelClient reseller, Park park, String productId, String reference) {
        return park.otaFlow(reseller).run(productId, 1, reference);
    }

    static Decision exit(EmbeddedGate gate, String qr) {
        return gate.gate().decide(Credential.qr(qr), GateContext.exit("park"));
    }

    static String passId(String qr) {
        return io.scenicpass.core.PassCodec.decode(qr).claims().passId();
    }

    static JsonNode ok(TestServer.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }
}
