package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.testing.PageClient;
import io.scenicpass.terminal.Decision;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family's tickets bought through an OTA (Ctrip): at the console the duty manager finds the booking, reissues the
 * ticket of the visitor whose phone broke and voids the one reported stolen, each with a reason. The OTA reads the new
 * ticket in its booking; at the north gate the new ticket walks in, the old and the voided ones are refused. The
 * reissue once more in real Chromium on a tablet-sized screen.
 */
class OperatorReissuesAndVoidsPassesTest {
    @TempDir
    Path dir;

    @Test
    void theDutyManagerReissuesOneTicketAndVoidsAnotherAndTheGateFollows() throws Exception {
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            OtaBookingFlow.Result order = park.otaFlow(ctrip).run("park-entry", 2, "CT-3001");
            assertThat(order.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);
            String uuid = order.booking.getUuid();
            String broken = passId(order.qrCodes.get(0));
            String stolen = passId(order.qrCodes.get(1));

            PageClient console = ConsoleSignIn.as(park.server, "admin", ConsoleSignIn.adminPassword(park.server));
            assertThat(console.get("/console/passes?booking=CT-3001").body())
                    .contains("data-booking=\"" + uuid + "\"", "data-pass=\"" + broken + "\"");
            PageClient.Page reissued =
                    console.post("/console/passes/reissue", Map.of("passId", broken, "reason", "phone broken"));
            assertThat(reissued.status()).as(reissued.body()).isEqualTo(303);
            PageClient.Page voided =
                    console.post("/console/passes/void", Map.of("passId", stolen, "reason", "reported stolen"));
            assertThat(voided.status()).as(voided.body()).isEqualTo(303);

            // the OTA reads the new ticket in its booking and sends it to the visitor
            List<String> now = OtaBookingFlow.qrCodes(ctrip.booking(uuid));
            String fresh = now.stream()
                    .filter(q -> !q.equals(order.qrCodes.get(0)) && !q.equals(order.qrCodes.get(1)))
                    .findFirst()
                    .orElseThrow();

            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            Decision old = north.scan(order.qrCodes.get(0));
            assertThat(old.admitted()).isFalse();
            assertThat(old.reason()).isEqualTo("REVOKED");
            Decision gone = north.scan(order.qrCodes.get(1));
            assertThat(gone.admitted()).isFalse();
            assertThat(gone.reason()).isEqualTo("REVOKED");
            Decision in = north.scan(fresh);
            assertThat(in.admitted()).as("the reissued ticket: %s", in).isTrue();
            assertThat(park.admin("GET", "/admin/v1/audit?action=pass", null).body())
                    .contains("console: reissue pass", "console: void pass", "operator:admin");
        }
    }

    @Test
    void theDutyManagerReissuesATicketOnATabletInChromium() throws Exception {
        BrowserHarness browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        try (Park park = Park.open(dir)) {
            ChannelClient ctrip = park.reseller("ctrip");
            OtaBookingFlow.Result order = park.otaFlow(ctrip).run("park-entry", 1, "CT-3002");
            String old = passId(order.qrCodes.get(0));
            BrowserRun run = browser.run(
                    "browser/console-passes.cjs",
                    park.server.server.baseUrl(),
                    Paths.get("target/browser", getClass().getSimpleName()),
                    Map.of(
                            "adminPassword",
                            ConsoleSignIn.adminPassword(park.server),
                            "reference",
                            "CT-3002",
                            "passId",
                            old,
                            "reason",
                            "phone broken"));
            JsonNode r = run.orFail();
            assertThat(run.pageErrors()).isEmpty();
            assertThat(r.path("afterSignIn").asText())
                    .as("back on the passes page after sign-in")
                    .isEqualTo("/console/passes");
            assertThat(r.path("found").toString()).contains(old);
            assertThat(r.path("noSideways").asBoolean())
                    .as("no sideways scrolling on a tablet")
                    .isTrue();
            assertThat(r.path("done").asText()).isEqualTo("REISSUE");
            String fresh = r.path("newPass").asText();
            assertThat(passId(OtaBookingFlow.qrCodes(ctrip.booking(order.booking.getUuid()))
                            .get(0)))
                    .as("the OTA reads the new ticket")
                    .isEqualTo(fresh);

            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            assertThat(north.scan(order.qrCodes.get(0)).reason()).isEqualTo("REVOKED");
        }
    }

    private static String passId(String qr) {
        return PassCodec.decode(qr).claims().passId();
    }
}
