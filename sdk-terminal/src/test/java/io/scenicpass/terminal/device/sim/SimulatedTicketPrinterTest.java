package io.scenicpass.terminal.device.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TestClock;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.escpos.EscPosDecoder;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedTicketPrinterTest {
    @TempDir
    Path dir;

    @Test
    void appendsEachTicketToTheFileAndFailsWhenItCannotPrint() throws Exception {
        Path out = dir.resolve("printer.escpos");
        SimulatedTicketPrinter printer = new SimulatedTicketPrinter(
                "kiosk-printer", new TestClock(Instant.parse("2026-07-01T02:00:00Z")), out, EscPosEncoder.defaults());
        TicketLayout ticket = TicketLayout.builder().line("门票").qr("PASS-1").build();
        assertThat(printer.print(ticket).failure()).contains(DeviceFaultCode.DISCONNECTED);

        printer.start();
        assertThat(printer.print(ticket).printed()).isTrue();
        printer.setStatus(PrinterStatus.PAPER_OUT);
        PrintResult failed = printer.print(ticket);
        assertThat(failed.printed()).isFalse();
        assertThat(failed.failure()).contains(DeviceFaultCode.PAPER_OUT);
        assertThat(printer.health().lastError().get().code()).isEqualTo(DeviceFaultCode.PAPER_OUT);
        printer.setStatus(PrinterStatus.PAPER_NEAR_END);
        assertThat(printer.health().ok()).isTrue();
        assertThat(printer.print(TicketLayout.builder().qr("PASS-2").build()).printed())
                .isTrue();

        List<TicketLayout> printed = EscPosDecoder.decode(Files.readAllBytes(out));
        assertThat(printed)
                .containsExactly(ticket, TicketLayout.builder().qr("PASS-2").build());
    }
}
