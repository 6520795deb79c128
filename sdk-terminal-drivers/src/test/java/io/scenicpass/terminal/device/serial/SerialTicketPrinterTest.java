package io.scenicpass.terminal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketLayout.Style;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The ESC/POS printer driver on a real pseudo-terminal, against a fake printer answering status bytes. */
@Tag("slow")
class SerialTicketPrinterTest {
    private static final String PASS = "SP1.eyJwIjoiUC0xMjMifQ.c2ln";
    private static final TicketLayout TICKET = TicketLayout.builder()
            .line("西湖景区 West Lake", Style.LARGE, Style.BOLD, Style.CENTRED)
            .line("成人票 Adult ×1")
            .qr(PASS)
            .line("2026-07-01 10:00-11:00", Style.CENTRED)
            .build();

    private SocatPair pty;
    private FakeEscPosPrinter fake;
    private SerialTicketPrinter printer;

    @BeforeEach
    void setUp() throws Exception {
        pty = SocatPair.start();
        fake = new FakeEscPosPrinter(pty.peer());
        printer = SerialTicketPrinter.builder(
                        "kiosk1-printer",
                        SerialSettings.forPort(pty.driverEnd())
                                .baudRate(115200)
                                .readTimeout(Duration.ofMillis(20))
                                .reconnectDelay(Duration.ofMillis(50))
                                .build())
                .statusTimeout(Duration.ofMillis(300))
                .statusInterval(Duration.ofMillis(100))
                .busyPollInterval(Duration.ofMillis(50))
                .jobTimeout(Duration.ofSeconds(3))
                .build();
        printer.start();
        Await.until("printer ready", 5000, () -> printer.status() == PrinterStatus.READY);
    }

    @AfterEach
    void tearDown() throws Exception {
        printer.close();
        fake.close();
        pty.close();
    }

    @Test
    void printsTheTicketByteForByteAndThePassReadsBack() {
        PrintResult r = printer.print(TICKET);

        assertThat(r.printed()).as(r.toString()).isTrue();
        assertThat(r.status()).isEqualTo(PrinterStatus.READY);
        byte[] sent = fake.received();
        assertThat(sent).isEqualTo(EscPosEncoder.defaults().encode(TICKET));
        assertThat(new String(sent, java.nio.charset.Charset.forName("GB18030")))
                .contains("成人票 Adult ×1");
        List<TicketLayout> printed = EscPosDecoder.decode(sent);
        assertThat(printed).containsExactly(TICKET);
        assertThat(printed.get(0).elements().get(2).text()).isEqualTo(PASS);
        assertThat(printer.health().ok()).isTrue();
    }

    @Test
    void asciiFallbackSendsNoChineseBytes() throws Exception {
        printer.close();
        EscPosEncoder ascii = EscPosEncoder.defaults().withTextEncoding(EscPosEncoder.TextEncoding.ASCII);
        printer = SerialTicketPrinter.builder(
                        "kiosk1-printer",
                        SerialSettings.forPort(pty.driverEnd())
                                .readTimeout(Duration.ofMillis(20))
                                .build())
                .encoder(ascii)
                .statusInterval(Duration.ofMillis(100))
                .build();
        printer.start();
        Await.until("printer ready", 5000, () -> printer.status() == PrinterStatus.READY);
        assertThat(printer.print(TICKET).printed()).isTrue();
        byte[] sent = fake.received();
        assertThat(sent).isEqualTo(ascii.encode(TICKET));
        for (byte b : sent) {
            assertThat(b & 0xFF).isLessThan(0x80);
        }
    }

    @Test
    void paperOutOrCoverOpenIsReportedAndNothingIsSent() {
        fake.paperOut = true;
        Await.until("paper out seen", 5000, () -> printer.status() == PrinterStatus.PAPER_OUT);
        assertThat(printer.health().lastError().get().code()).isEqualTo(DeviceFaultCode.PAPER_OUT);
        PrintResult r = printer.print(TICKET);
        assertThat(r.printed()).isFalse();
        assertThat(r.failure()).contains(DeviceFaultCode.PAPER_OUT);
        assertThat(fake.received()).isEmpty();

        fake.paperOut = false;
        fake.coverOpen = true;
        Await.until("cover open seen", 5000, () -> printer.status() == PrinterStatus.COVER_OPEN);
        assertThat(printer.health().lastError().get().code()).isEqualTo(DeviceFaultCode.COVER_OPEN);
        assertThat(printer.print(TICKET).failure()).contains(DeviceFaultCode.COVER_OPEN);
        assertThat(fake.received()).isEmpty();

        fake.coverOpen = false;
        Await.until("ready again", 5000, () -> printer.health().ok());
        assertThat(printer.print(TICKET).printed()).isTrue();
    }

    @Test
    void paperRunningOutInTheMiddleOfATicketFailsTheJob() {
        fake.paperOutAfter = 40;
        PrintResult r = printer.print(TICKET);
        assertThat(r.printed()).as(r.toString()).isFalse();
        assertThat(r.failure()).contains(DeviceFaultCode.PAPER_OUT);
        assertThat(r.message()).contains("during the job");
        assertThat(fake.received().length).isGreaterThan(40);
        assertThat(printer.health().lastError().get().code()).isEqualTo(DeviceFaultCode.PAPER_OUT);
    }

    @Test
    void theLateAnswerOfAnEarlierTicketDoesNotCountForTheNextOne() {
        fake.paperOutAfter = 40;
        fake.resumeOnData = true;
        assertThat(printer.print(TICKET).failure()).contains(DeviceFaultCode.PAPER_OUT);
        // the roll is replaced; the printer finishes the first ticket (and answers for it) only as the next arrives,
        // and runs out of paper again in the middle of that next ticket
        fake.clear();
        fake.paperOutAfter = 60;
        fake.paperOut = false;
        Await.until("ready again", 5000, () -> printer.status() == PrinterStatus.READY);
        PrintResult second = printer.print(TICKET);
        assertThat(second.printed()).as(second.toString()).isFalse();
        assertThat(second.failure()).contains(DeviceFaultCode.PAPER_OUT);
    }

    @Test
    void aPrinterThatStopsAnsweringFailsTheJobWithATimeout() {
        fake.muteAfter = 40;
        PrintResult r = printer.print(TICKET);
        assertThat(r.printed()).as(r.toString()).isFalse();
        assertThat(r.failure()).contains(DeviceFaultCode.TIMEOUT);
        assertThat(printer.status()).isEqualTo(PrinterStatus.NOT_RESPONDING);
        assertThat(printer.health().lastError().get().code()).isEqualTo(DeviceFaultCode.TIMEOUT);
        assertThat(printer.health().connected()).isTrue();

        fake.mute = false;
        fake.muteAfter = -1;
        Await.until("answering again", 5000, () -> printer.status() == PrinterStatus.READY);
        fake.clear();
        assertThat(printer.print(TICKET).printed()).isTrue();
        assertThat(fake.received()).isEqualTo(EscPosEncoder.defaults().encode(TICKET));
    }

    @Test
    void aMutePrinterGetsNoTicket() {
        fake.mute = true;
        Await.until("not responding", 5000, () -> printer.status() == PrinterStatus.NOT_RESPONDING);
        PrintResult r = printer.print(TICKET);
        assertThat(r.failure()).contains(DeviceFaultCode.TIMEOUT);
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void paperNearEndStillPrintsAndIsNotAFault() {
        fake.nearEnd = true;
        Await.until("near end seen", 5000, () -> printer.status() == PrinterStatus.PAPER_NEAR_END);
        PrintResult r = printer.print(TICKET);
        assertThat(r.printed()).isTrue();
        assertThat(r.status()).isEqualTo(PrinterStatus.PAPER_NEAR_END);
        assertThat(printer.health().ok()).isTrue();
    }

    @Test
    void unpluggedPrinterFailsAtOnceAndPrintsAfterReplug() throws Exception {
        fake.close();
        pty.unplug();
        Await.until("disconnect reported", 5000, () -> !printer.health().connected());
        PrintResult r = printer.print(TICKET);
        assertThat(r.failure()).contains(DeviceFaultCode.DISCONNECTED);

        pty.plugIn();
        fake = new FakeEscPosPrinter(pty.peer());
        Await.until("ready after replug", 10000, () -> printer.status() == PrinterStatus.READY);
        assertThat(printer.print(TICKET).printed()).isTrue();
        assertThat(fake.received()).isEqualTo(EscPosEncoder.defaults().encode(TICKET));
    }
}
