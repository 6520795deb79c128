package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.cli.kioskui.CounterKiosk;
import io.scenicpass.cli.kioskui.KioskBackend.DocumentReader;
import io.scenicpass.cli.kioskui.KioskBackend.Identity;
import io.scenicpass.cli.kioskui.KioskUi;
import io.scenicpass.cli.kioskui.PresentedDocuments;
import io.scenicpass.core.PassCodec;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.server.passes.PassFixtures;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.device.biometric.Liveness;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import io.scenicpass.terminal.sync.DeviceCredentials;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import io.scenicpass.testing.browser.QrPictures;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An annual pass (年卡) bought through OCTO is activated by its holder at the kiosk's touch screen (real Chromium): she
 * scans the pass, swipes her ID card and looks at the camera; the screen shows the validity and the new pass's QR. The
 * next day a real gate admits her by face alone, and refuses a second entry that day. A second visitor's pass
 * activated already is refused on the screen in Chinese, with its code.
 */
@Tag("slow")
class VisitorActivatesHerAnnualPassAtTheKioskTest {
    static final ZoneId PARK = ZoneId.of("Asia/Shanghai");
    static final int HOLDER = 21;
    static final String ID = "11010519491231002X";

    @TempDir
    Path dir;

    @Test
    void activatedAtTheKioskThenAdmittedByFaceAloneOnceADay() throws Exception {
        BrowserHarness browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        try (Park park = Park.open(dir)) {
            String key = park.server.channel("annual-ota", 1000, 1000, null);
            PassFixtures.product(park.server, "annual", "ANNUAL", 30000, PassFixtures.ANNUAL_TERMS);
            String sold = PassFixtures.book(park.server, key, "kiosk-annual-1", "annual", PassFixtures.DAY1);
            DeviceCredentials kiosk = park.seller("kiosk-annual", "KIOSK");
            PresentedDocuments devices = new PresentedDocuments();
            String activated;
            try (SimulatedTicketPrinter printer = new SimulatedTicketPrinter(
                            kiosk.deviceId(), park.clock, dir.resolve("printer.bin"), EscPosEncoder.defaults());
                    KioskUi ui = KioskUi.start(
                            new CounterKiosk(
                                    Counter.builder()
                                            .credentials(kiosk)
                                            .printer(printer)
                                            .clock(park.clock)
                                            .zone(PARK)
                                            .build(),
                                    park.clock,
                                    PARK,
                                    devices),
                            "127.0.0.1",
                            0,
                            Duration.ofMillis(200))) {
                // the first day, at the kiosk: the pass to the scanner, the ID card on the reader, her face at the
                // camera
                park.timeIs(Instant.parse("2026-06-02T02:00:00Z"));
                atTheKiosk(devices, sold);
                JsonNode r = activate(browser, ui, "en", "done");

                assertThat(r.path("activateLabel").asText()).isEqualTo("Activate annual pass");
                assertThat(r.path("title").asText()).isEqualTo("Your annual pass is active");
                assertThat(r.path("from").asText()).isEqualTo("2026-06-02");
                assertThat(r.path("last").asText()).isEqualTo("2027-06-01");
                assertThat(r.path("validity").asText()).contains("2026").contains("2027");
                assertThat(r.path("qrWidth").asDouble()).as("QR drawn large").isGreaterThan(200);
                String passText = QrPictures.decode(Paths.get(r.path("picture").asText()));
                String passId = r.path("passId").asText();
                activated = passId;
                assertThat(PassCodec.decode(passText).claims().passId())
                        .as("the QR on the screen is the activated pass")
                        .isEqualTo(passId);
                JsonNode annual = park.admin("GET", "/admin/v1/annual-passes/" + passId, null)
                        .json();
                assertThat(annual.path("state").asText()).isEqualTo("ACTIVE");
                assertThat(annual.path("enrolmentSource").asText()).isEqualTo("KIOSK");

                // the pass scanned once more (she forgot it was done): refused on the screen, in Chinese, with the code
                atTheKiosk(devices, sold);
                JsonNode refused = activate(browser, ui, "zh-CN", "error");
                assertThat(refused.path("activateLabel").asText()).isEqualTo("年卡激活");
                assertThat(refused.path("code").asText()).isEqualTo("ALREADY_ACTIVE");
                assertThat(refused.path("problem").asText()).contains("此年卡已激活");
            }

            // the next day at the south gate: no ticket, only her face; once a day
            park.timeIs(Instant.parse("2026-06-03T01:30:00Z"));
            park.server.server.syncFeeds().refreshManifest();
            EmbeddedGate gate = park.gate("gate-south");
            assertThat(gate.start().success()).isTrue();
            Decision byFace = gate.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(byFace.reason()).isEqualTo("OK");
            assertThat(byFace.pass().get().passId()).as("the activated pass").isEqualTo(activated);
            park.timeIs(Instant.parse("2026-06-03T06:00:00Z"));
            Decision again = gate.showFace(FaceAtTheGate.face(HOLDER));
            assertThat(again.admitted()).isFalse();
            assertThat(again.reason()).isEqualTo("ALREADY_ENTERED_TODAY");
        }
    }

    /** The holder at the kiosk: her pass at the QR scanner, her ID card on the reader, her face before the camera. */
    static void atTheKiosk(PresentedDocuments devices, String pass) {
        devices.presentPass(pass);
        devices.present(DocumentReader.ID_CARD, new Identity("CN_ID", ID, "张三", null));
        devices.presentFace(kioskCamera(HOLDER));
    }

    /** The kiosk camera's sample of person {@code n}: the enrolled bytes, live. */
    static BiometricTemplate kioskCamera(int n) {
        return new BiometricTemplate(
                BiometricModality.FACE, Base64.getDecoder().decode(FaceAtTheGate.enrolled(n)), Liveness.passed(0.99));
    }

    private static JsonNode activate(BrowserHarness browser, KioskUi ui, String lang, String expect) {
        BrowserRun run = browser.run(
                "browser/kiosk-activate.cjs",
                "http://127.0.0.1:" + ui.port() + "/",
                Paths.get("target/browser", VisitorActivatesHerAnnualPassAtTheKioskTest.class.getSimpleName()),
                Map.of("lang", lang, "expect", expect));
        JsonNode r = run.orFail();
        assertThat(run.pageErrors()).as("no script errors in the page").isEmpty();
        return r;
    }
}
