package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.scenicpass.channel.ChannelClient;
import io.scenicpass.channel.model.Booking;
import io.scenicpass.channel.model.BookingConfirmationRequest;
import io.scenicpass.channel.model.BookingReservationRequest;
import io.scenicpass.channel.model.DeliveryFormat;
import io.scenicpass.channel.model.Identity;
import io.scenicpass.channel.model.UnitItemRequest;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.server.testing.TestServer;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.counter.Counter;
import io.scenicpass.terminal.counter.PickUp;
import io.scenicpass.terminal.counter.PickUpDesk;
import io.scenicpass.terminal.device.DeviceHealth;
import io.scenicpass.terminal.device.DeviceHealthListener;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketPrinter;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedCredentialReader;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import io.scenicpass.terminal.document.ChineseIdNumber;
import io.scenicpass.terminal.document.IdCardText;
import io.scenicpass.terminal.rules.Reason;
import io.scenicpass.terminal.sync.SyncException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #17 pick-up (取票): a couple booked two real-name park tickets through an OTA (OCTO). At the kiosk she swipes
 * her ID card: the booking comes up, the printer runs out of paper after the first ticket (nothing recorded), the
 * attendant replaces the roll and the second ticket comes out (the first is not printed twice). A second pick-up is
 * refused; the kiosk cannot reprint, the box office does with a reason, audited. At the north gate he shows the
 * printed QR and she swipes her ID card.
 */
class VisitorPicksUpOtaTicketsTest {
    static final String HUSBAND = cnId("34010219880520001");
    static final String WIFE = cnId("34010219900314002");

    @TempDir
    Path dir;

    static String cnId(String first17) {
        return first17 + ChineseIdNumber.checkCharacter(first17);
    }

    @Test
    void theIdCardFindsTheOtaBookingItsTicketsPrintOnceAndPassTheGate() throws Exception {
        try (Park park = Park.open(dir);
                SimulatedTicketPrinter roll = new SimulatedTicketPrinter(
                        "kiosk-printer", park.clock, dir.resolve("kiosk.escpos"), EscPosEncoder.defaults());
                SimulatedCredentialReader idReader = new SimulatedCredentialReader("kiosk-id", park.clock)) {
            // someone else's booking the day before, and the couple's, by real name, through the OTA
            OtaBookingFlow.Result other = new OtaBookingFlow(
                            park.reseller("ctrip"),
                            park.clock,
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run("park-entry", 1, "CT-17-SOLO");
            String slot = other.slot.getId();
            List<String> booked = bookCouple(park.reseller("ctrip"), slot);

            Instant start = other.slot.getLocalDateTimeStart().toInstant();
            park.timeIs(start.minus(Duration.ofHours(1))); // the visit day, before their slot
            roll.start();
            PaperRunsOut printer = new PaperRunsOut(roll, 1);
            PickUpDesk kiosk = desk(park, "kiosk-north", "KIOSK", printer);

            // she swipes her ID card on the kiosk's reader
            AtomicReference<List<PickUp>> found = new AtomicReference<>();
            idReader.setCredentialListener(c -> found.set(kiosk.lookup(c)));
            idReader.start();
            idReader.presentIdCard(IdCardText.parse(
                    IdCardText.encode("李娜", "2", "01", "19900314", "安徽省合肥市", WIFE, "合肥市公安局", "20200101", "长期"),
                    new byte[0],
                    LocalDate.of(2026, 6, 1)));
            assertThat(found.get()).hasSize(1);
            PickUp couple = found.get().get(0);
            assertThat(couple.printable()).isTrue();
            assertThat(couple.tickets()).extracting(t -> t.qrText()).containsExactlyElementsOf(booked);
            assertThat(couple.tickets().get(1).holder().orElseThrow())
                    .startsWith("李*")
                    .doesNotContain(WIFE);

            // the roll runs out after the first ticket: nothing is recorded, the booking can still be printed
            PickUpDesk.Result noPaper = kiosk.print(couple);
            assertThat(noPaper.outcome()).isEqualTo(PickUpDesk.Outcome.PRINTER_FAILED);
            assertThat(noPaper.printed()).isEqualTo(1);
            assertThat(kiosk.lookup("CT-17-0815").get(0).printable()).isTrue();
            roll.setStatus(PrinterStatus.READY); // the attendant replaced the roll
            PickUpDesk.Result done = kiosk.print(couple);
            assertThat(done.outcome()).isEqualTo(PickUpDesk.Outcome.PRINTED);
            assertThat(done.printed())
                    .as("the first ticket is not printed twice")
                    .isEqualTo(1);
            assertThat(done.booking().printedOn()).contains("kiosk-north");
            List<String> paper = qrCodes(roll.output());
            assertThat(paper).containsExactlyElementsOf(booked);

            // a second pick-up is refused: at the kiosk, and by the server to anyone who tries
            PickUp again = kiosk.lookup("CT-17-0815").get(0);
            assertThat(again.refusalCode()).contains("ALREADY_PRINTED");
            assertThat(kiosk.print(again).outcome()).isEqualTo(PickUpDesk.Outcome.REFUSED);
            assertThatThrownBy(() -> kiosk.reprint(again, "lost", null))
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.serverCode()).isEqualTo("BOX_OFFICE_ONLY"));
            assertThat(qrCodes(roll.output())).hasSize(2);

            // the box office reprints a torn ticket, with the reason and the cashier, audited
            SimulatedTicketPrinter office = new SimulatedTicketPrinter(
                    "office-printer", park.clock, dir.resolve("office.escpos"), EscPosEncoder.defaults());
            office.start();
            PickUpDesk boxOffice = desk(park, "box-office", "BOX_OFFICE", office);
            PickUpDesk.Result reprint = boxOffice.reprint(again, "ticket torn at the turnstile", "cashier-07");
            assertThat(reprint.outcome()).isEqualTo(PickUpDesk.Outcome.PRINTED);
            assertThat(reprint.booking().reprints()).isEqualTo(1);
            assertThat(qrCodes(office.output())).containsExactlyElementsOf(booked);
            office.close();
            TestServer.Answer audit = park.admin("GET", "/admin/v1/counter/pickups?from=2026-05-01T00:00:00Z", null);
            assertThat(audit.status()).as(audit.body()).isEqualTo(200);
            List<String> rows = new ArrayList<>();
            for (JsonNode p : audit.json().get("prints")) {
                rows.add(p.get("kind").asText() + " " + p.get("deviceName").asText() + " "
                        + p.get("reason").asText() + " " + p.get("by").asText());
            }
            assertThat(rows)
                    .containsExactly(
                            "PRINT kiosk-north null null",
                            "REPRINT box-office ticket torn at the turnstile cashier-07");

            // at the gate: he shows the printed QR, she swipes her ID card
            park.timeIs(start.plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).isTrue();
            assertThat(north.syncNow().success()).isTrue();
            Decision his = north.scan(paper.get(0));
            assertThat(his.reason()).as("%s", his).isEqualTo(Reason.OK);
            Decision hers = north.swipeId(WIFE);
            assertThat(hers.reason()).as("%s", hers).isEqualTo(Reason.OK);
            assertThat(hers.pass().orElseThrow().passId())
                    .isEqualTo(couple.tickets().get(1).passId());
        }
    }

    /** Reserves and confirms the couple's booking with both documents; the QR texts of their tickets. */
    static List<String> bookCouple(ChannelClient ota, String slot) {
        ota.reserve(new BookingReservationRequest()
                .uuid("couple-0815")
                .productId("park-entry")
                .optionId("park-entry-std")
                .availabilityId(slot)
                .unitItems(List.of(adult(HUSBAND, "王强"), adult(WIFE, "李娜"))));
        Booking b = ota.confirm("couple-0815", new BookingConfirmationRequest().resellerReference("CT-17-0815"));
        return b.getUnitItems().stream()
                .map(u -> u.getTicket().deliveryValue(DeliveryFormat.QRCODE))
                .collect(Collectors.toList());
    }

    private static UnitItemRequest adult(String number, String name) {
        return new UnitItemRequest()
                .unitId("park-entry-adult")
                .identity(new Identity().type("CN_ID").number(number).name(name));
    }

    /** The pick-up desk of a selling device's counter (its server link and printer). */
    private static PickUpDesk desk(Park park, String name, String role, TicketPrinter printer) {
        return PickUpDesk.of(Counter.builder()
                .credentials(park.seller(name, role))
                .printer(printer)
                .clock(park.clock)
                .header("ScenicPass 示范景区 Demo Park")
                .build());
    }

    static List<String> qrCodes(Path paper) throws Exception {
        return EscPosDecoder.decode(Files.readAllBytes(paper)).stream()
                .flatMap(t -> t.elements().stream())
                .filter(e -> e.kind() == TicketLayout.Kind.QR)
                .map(TicketLayout.Element::text)
                .collect(Collectors.toList());
    }

    /** The kiosk's printer, whose roll runs out after {@code tickets} more tickets (the attendant refills it). */
    private static final class PaperRunsOut implements TicketPrinter {
        private final SimulatedTicketPrinter roll;
        private int left;

        PaperRunsOut(SimulatedTicketPrinter roll, int tickets) {
            this.roll = roll;
            this.left = tickets;
        }

        @Override
        public PrintResult print(TicketLayout ticket) {
            if (left-- == 0) {
                roll.setStatus(PrinterStatus.PAPER_OUT);
            }
            return roll.print(ticket);
        }

        @Override
        public PrinterStatus status() {
            return roll.status();
        }

        @Override
        public String deviceId() {
            return roll.deviceId();
        }

        @Override
        public DeviceHealth health() {
            return roll.health();
        }

        @Override
        public void setHealthListener(DeviceHealthListener listener) {
            roll.setHealthListener(listener);
        }

        @Override
        public void start() {
            roll.start();
        }

        @Override
        public void close() {
            roll.close();
        }
    }
}
