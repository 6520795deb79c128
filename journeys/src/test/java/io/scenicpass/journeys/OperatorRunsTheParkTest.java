package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Availability;
import io.scenicpass.channel.model.AvailabilityRequest;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.Contact;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.channel.model.WebhookEvent;
import io.scenicpass.channel.model.WebhookEventType;
import io.scenicpass.channel.webhook.WebhookVerificationException;
import io.scenicpass.channel.webhook.WebhookVerifier;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.console.Operators;
import io.scenicpass.server.console.TotpCodes;
import io.scenicpass.server.testing.ConsoleSignIn;
import io.scenicpass.server.web.Texts;
import io.scenicpass.terminal.Decision;
import io.scenicpass.testing.browser.BrowserHarness;
import io.scenicpass.testing.browser.BrowserRun;
import io.scenicpass.testing.browser.QrPictures;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator runs the park for a day at the console, in real Chromium (issue #20's list, in one story): signs
 * in with the password and the authenticator's code; takes tomorrow's 10:00 slot below what Ctrip sold (refused, the
 * reason on the page), then raises it, and Ctrip's OCTO client sees the new capacity; makes a gate's enrollment QR on
 * the devices page, and a real gate enrolls from that QR as read off the screen, syncs and admits a visitor; next
 * morning points Ctrip's webhook at a new receiver and rotates the signing secret, refunds a Ctrip booking after its
 * cutoff, and the receiver gets the signed cancellation while the gate refuses the refunded ticket; downloads the
 * settlement as XLSX, whose Ctrip line is what was sold less what was refunded; the audit log names her for each step.
 */
@Tag("slow")
class OperatorRunsTheParkTest {
    static final String OPTION = "park-entry-std";
    static final LocalDate TOMORROW = LocalDate.parse("2026-06-02");
    static final String TEN = "2026-06-02T10:00:00+08:00";

    @TempDir
    Path dir;

    /** What the OTA's webhook endpoint received: its signature headers and the raw body. */
    record Received(Map<String, List<String>> headers, byte[] body) {}

    @Test
    void theAdministratorRunsTheParkForADay() throws Exception {
        BrowserHarness browser = BrowserHarness.require(); // skips loudly without node, chromium or playwright-core
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ctrip/hook", ex -> {
            received.add(new Received(
                    new HashMap<>(ex.getRequestHeaders()), ex.getRequestBody().readAllBytes()));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        Path out = Paths.get("target/browser", getClass().getSimpleName());
        try (Park park = Park.open(dir, Map.of("webhooks.allowPrivateTargets", "true"));
                ChannelClient ctrip = park.reseller("ctrip")) {
            String password = ConsoleSignIn.adminPassword(park.server);
            String totp = enrolAuthenticator(park);
            // Ctrip sold three places of tomorrow's 10:00 slot: a couple, and one visitor who will ask for a refund
            Booking couple = book(ctrip, "CT-7001", 2);
            Booking single = book(ctrip, "CT-7002", 1);

            // 08:00: capacity, refused below what is sold, then changed; a gate's enrollment QR on screen
            park.clock.advance(Duration.ofSeconds(30)); // the authenticator's next code
            BrowserRun morning = browser.run(
                    "browser/console-day.cjs",
                    park.server.server.baseUrl(),
                    out.resolve("morning"),
                    Map.of(
                            "step",
                            "morning",
                            "password",
                            password,
                            "code",
                            TotpCodes.at(totp, park.clock.millis()),
                            "date",
                            TOMORROW.toString(),
                            "slot",
                            OPTION + "|" + TEN,
                            "below",
                            2,
                            "capacity",
                            40));
            JsonNode m = morning.orFail();
            assertThat(morning.pageErrors()).isEmpty();
            assertThat(m.path("landed").asText())
                    .as("back on the page asked, after the code")
                    .isEqualTo("/console/catalogue");
            assertThat(m.path("soldBefore").asText()).isEqualTo("3");
            assertThat(m.path("refusedStatus").asInt()).isEqualTo(409);
            assertThat(m.path("refusalCode").asText()).isEqualTo("CONFLICT");
            assertThat(m.path("refusalSlot").asText()).isEqualTo(OPTION + "|" + TEN);
            assertThat(m.path("refusal").asText()).contains("3 places already sold or held");
            assertThat(m.path("changed").asText()).isEqualTo(OPTION + "|" + TEN);
            assertThat(m.path("capacity").asText()).isEqualTo("40");
            Availability ten = slot(ctrip);
            assertThat(ten.getCapacity()).as("Ctrip sees the new capacity").isEqualTo(40);
            assertThat(ten.getVacancies()).isEqualTo(37);

            // the gate reads the QR off the operator's screen and enrolls with it
            assertThat(m.path("enrollmentGate").asText()).isEqualTo("gate-north");
            Path qr = morning.screenshots().stream()
                    .filter(p -> p.getFileName().toString().equals("enroll-qr.png"))
                    .findFirst()
                    .orElseThrow();
            String code = QrPictures.decode(qr);
            try (EmbeddedGate lane2 = new EmbeddedGate(
                    dir.resolve("lane-2"), park.server.server.baseUrl(), code, park.clock, List.of())) {
                assertThat(lane2.start().success()).as("the gate's first sync").isTrue();
                assertThat(park.server.server.devices().list())
                        .anySatisfy(d ->
                                assertThat(d.id()).isEqualTo(lane2.credentials().deviceId()));

                // tomorrow 10:20: the couple walks in
                park.timeIs(Instant.parse("2026-06-02T02:20:00Z"));
                assertThat(lane2.syncNow().success()).isTrue();
                Decision in = lane2.scan(OtaBookingFlow.qrCodes(couple).get(0));
                assertThat(in.admitted()).as("the couple's ticket: %s", in).isTrue();

                // 10:25, past Ctrip's cutoff: webhook, refund, settlement, audit
                park.clock.advance(Duration.ofMinutes(5));
                String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/ctrip/hook";
                BrowserRun afternoon = browser.run(
                        "browser/console-day.cjs",
                        park.server.server.baseUrl(),
                        out.resolve("afternoon"),
                        Map.of(
                                "step", "afternoon",
                                "password", password,
                                "code", TotpCodes.at(totp, park.clock.millis()),
                                "channel", "ctrip",
                                "webhookUrl", hook,
                                "reference", "CT-7002",
                                "reason", "visitor is ill, refund after the cutoff",
                                "from", "2026-06-01",
                                "to", "2026-06-02"));
                JsonNode a = afternoon.orFail();
                assertThat(afternoon.pageErrors()).isEmpty();
                assertThat(a.path("landed").asText()).isEqualTo("/console/channels");
                assertThat(a.path("webhookShown").asText()).isEqualTo(hook);
                assertThat(a.path("rotatedCacheControl").asText()).isEqualTo("no-store");
                assertThat(a.path("secretDone").asText()).isEqualTo("secret");
                assertThat(a.path("secret").asText())
                        .startsWith("whsec_")
                        .isNotEqualTo(a.path("firstSecret").asText());
                assertThat(a.path("secretShownAgain").asBoolean())
                        .as("the secret is shown once")
                        .isFalse();
                assertThat(a.path("found").asText()).isEqualTo(single.getUuid());
                assertThat(a.path("cancelled").asText()).isEqualTo("CANCELLED");

                // the OTA's receiver gets the cancellation, signed with the secret shown (not the first one)
                park.server.server.webhooks().deliverDue();
                Park.eventually("the cancellation reached Ctrip's receiver", () -> !received.isEmpty());
                Received r = received.get(0);
                WebhookEvent event = verifier(a.path("secret").asText(), park).verify(r.headers(), r.body());
                assertThat(event.getType()).isEqualTo(WebhookEventType.BOOKING_CANCELLED);
                assertThat(event.getBooking().getUuid()).isEqualTo(single.getUuid());
                assertThat(verifies(verifier(a.path("firstSecret").asText(), park), r))
                        .as("the replaced secret no longer signs")
                        .isFalse();

                // the refunded ticket is refused at the gate once it synced
                assertThat(lane2.syncNow().success()).isTrue();
                Decision refused = lane2.scan(OtaBookingFlow.qrCodes(single).get(0));
                assertThat(refused.admitted()).isFalse();
                assertThat(refused.reason()).isEqualTo("REVOKED");

                // the settlement read back: Ctrip owes what it sold less what was refunded, at its net prices
                assertThat(a.path("settlementShown").asText()).isEqualTo("settlement");
                Map<String, Double> line = ctripLine(Path.of(a.path("xlsx").asText()));
                long soldNet = net(couple) + net(single);
                assertThat(line.get("sold_places")).isEqualTo(3.0);
                assertThat(line.get("refunded_places")).isEqualTo(1.0);
                assertThat(line.get("sold_net")).isEqualTo(soldNet / 100.0);
                assertThat(line.get("refunded_net")).isEqualTo(net(single) / 100.0);
                assertThat(line.get("owed_net")).isEqualTo((soldNet - net(single)) / 100.0);

                // the audit log names the administrator for each change she made at the console
                List<String> mine = new ArrayList<>();
                a.path("audit").forEach(e -> {
                    assertThat(e.path("actor").asText()).isEqualTo("operator:admin");
                    mine.add(e.path("via").asText() + " " + e.path("action").asText());
                });
                assertThat(mine)
                        .contains(
                                "CONSOLE console: slot capacity",
                                "CONSOLE console: enrollment QR",
                                "CONSOLE console: channel webhook URL",
                                "CONSOLE console: rotate webhook secret",
                                "CONSOLE console: cancel booking");
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** The administrator's authenticator, enrolled as on the account page; its secret (what the phone holds). */
    private static String enrolAuthenticator(Park park) {
        Operators ops = park.server.server.console().operators;
        String id = ops.list().stream()
                .filter(o -> o.login().equals("admin"))
                .findFirst()
                .orElseThrow()
                .id();
        Operators.Enrolment e = ops.startTotp(id);
        assertThat(ops.confirmTotp(id, TotpCodes.at(e.secret(), park.clock.millis())))
                .isTrue();
        return e.secret();
    }

    private static Booking book(ChannelClient ctrip, String reference, int adults) {
        List<UnitItemRequest> items = new ArrayList<>();
        for (int i = 0; i < adults; i++) {
            items.add(new UnitItemRequest().unitId("park-entry-adult"));
        }
        Booking held = ctrip.reserve(new BookingReservationRequest()
                .productId("park-entry")
                .optionId(OPTION)
                .availabilityId(TEN)
                .expirationMinutes(15)
                .resellerReference(reference)
                .unitItems(items));
        return ctrip.confirm(
                held.getUuid(),
                new BookingConfirmationRequest()
                        .resellerReference(reference)
                        .contact(new Contact()
                                .fullName("Ctrip Traveller")
                                .emailAddress("traveller@example.com")
                                .country("CN")));
    }

    private static Availability slot(ChannelClient ctrip) {
        return ctrip
                .availability(new AvailabilityRequest()
                        .productId("park-entry")
                        .optionId(OPTION)
                        .localDate(TOMORROW))
                .stream()
                .filter(x -> TEN.equals(x.getId()))
                .findFirst()
                .orElseThrow();
    }

    private static long net(Booking b) {
        return b.getPricing().getNet();
    }

    /** The Ctrip line of the settlement workbook, by column key (found by its zh-CN heading, as downloaded). */
    private static Map<String, Double> ctripLine(Path xlsx) throws Exception {
        Texts zh = Texts.of("zh-CN", "console-pages");
        List<String> keys = List.of("sold_places", "sold_net", "refunded_places", "refunded_net", "owed_net");
        try (Workbook wb = WorkbookFactory.create(xlsx.toFile(), null, true)) {
            Sheet sheet = wb.getSheetAt(0);
            Map<String, Integer> column = new HashMap<>();
            for (var cell : sheet.getRow(0)) {
                for (String k : keys) {
                    if (cell.getStringCellValue().equals(zh.get("col." + k))) {
                        column.put(k, cell.getColumnIndex());
                    }
                }
            }
            assertThat(column.keySet()).containsExactlyInAnyOrderElementsOf(keys);
            for (Row row : sheet) {
                if (row.getRowNum() > 0 && "ctrip".equals(row.getCell(0).getStringCellValue())) {
                    Map<String, Double> line = new HashMap<>();
                    column.forEach((k, i) -> line.put(k, row.getCell(i).getNumericCellValue()));
                    return line;
                }
            }
        }
        throw new AssertionError("no ctrip line in " + xlsx);
    }

    private static WebhookVerifier verifier(String secret, Park park) {
        return WebhookVerifier.builder().secret(secret).clock(park.clock).build();
    }

    private static boolean verifies(WebhookVerifier v, Received r) {
        try {
            v.verify(r.headers(), r.body());
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        }
    }
}
