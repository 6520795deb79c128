package io.scenicpass.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.Encoder;
import com.google.zxing.qrcode.encoder.QRCode;
import io.scenicpass.channel.model.BookingStatus;
import io.scenicpass.examples.gate.EmbeddedGate;
import io.scenicpass.examples.ota.OtaBookingFlow;
import io.scenicpass.terminal.Decision;
import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketLayout.Style;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import io.scenicpass.terminal.device.sim.SimulatedTicketPrinter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A family of two has its tickets printed on paper by a (simulated) ESC/POS ticket printer: the roll runs out before
 * the second ticket, the job says so, and it is printed again once the roll is replaced. At the north gate each
 * visitor shows the QR read back off the paper and walks in.
 */
class VisitorGetsPaperTicketsTest {
    @TempDir
    Path dir;

    @Test
    void printedTicketsCarryPassesTheGateAdmits() throws Exception {
        try (Park park = Park.open(dir)) {
            OtaBookingFlow.Result order = new OtaBookingFlow(
                            park.reseller("ctrip"),
                            park.clock,
                            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                    .run("park-entry", 2, "CT-2001");
            assertThat(order.booking.getStatus()).isEqualTo(BookingStatus.CONFIRMED);

            Path paper = dir.resolve("kiosk-printer.escpos");
            SimulatedTicketPrinter printer =
                    new SimulatedTicketPrinter("kiosk-printer", park.clock, paper, EscPosEncoder.defaults());
            printer.start();
            assertThat(printer.print(ticket(order.qrCodes.get(0))).printed()).isTrue();

            printer.setStatus(PrinterStatus.PAPER_OUT);
            PrintResult noPaper = printer.print(ticket(order.qrCodes.get(1)));
            assertThat(noPaper.printed()).isFalse();
            assertThat(noPaper.failure()).contains(DeviceFaultCode.PAPER_OUT);
            printer.setStatus(PrinterStatus.READY); // the attendant replaced the roll
            assertThat(printer.print(ticket(order.qrCodes.get(1))).printed()).isTrue();

            List<String> passesOnPaper = EscPosDecoder.decode(Files.readAllBytes(paper)).stream()
                    .flatMap(t -> t.elements().stream())
                    .filter(e -> e.kind() == TicketLayout.Kind.QR)
                    .map(TicketLayout.Element::text)
                    .collect(Collectors.toList());
            assertThat(passesOnPaper).containsExactlyElementsOf(order.qrCodes);
            for (String pass : passesOnPaper) {
                // the symbol the printer draws (model 2, error correction M, 6-dot modules) fits 58 mm paper (384 dots)
                QRCode qr = Encoder.encode(pass, ErrorCorrectionLevel.M);
                int dots = qr.getMatrix().getWidth() * 6;
                assertThat(dots)
                        .as("QR width in dots, version %s", qr.getVersion())
                        .isLessThanOrEqualTo(384);
            }

            park.timeIs(order.slot.getLocalDateTimeStart().toInstant().plus(Duration.ofMinutes(20)));
            EmbeddedGate north = park.gate("gate-north");
            assertThat(north.start().success()).as("the gate's first sync").isTrue();
            for (String pass : passesOnPaper) {
                Decision d = north.scan(pass);
                assertThat(d.admitted())
                        .as("visitor with a paper ticket: %s", d)
                        .isTrue();
            }
        }
    }

    private static TicketLayout ticket(String pass) {
        return TicketLayout.builder()
                .line("西湖景区 West Lake", Style.LARGE, Style.BOLD, Style.CENTRED)
                .line("入园票 Park entry", Style.CENTRED)
                .qr(pass)
                .line("请妥善保管 Keep this ticket", Style.CENTRED)
                .build();
    }
}
