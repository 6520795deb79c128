package io.scenicpass.terminal.device.sim;

import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.device.PrintResult;
import io.scenicpass.terminal.device.PrinterStatus;
import io.scenicpass.terminal.device.TicketLayout;
import io.scenicpass.terminal.device.TicketPrinter;
import io.scenicpass.terminal.device.escpos.EscPosEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;

/**
 * A ticket printer that appends the ESC/POS bytes of every ticket to a file — the same bytes the serial driver
 * sends — so a script or test can read the tickets back with {@code EscPosDecoder}. Its status is set by hand
 * ({@link #setStatus}): a printer that cannot print fails the job with the status's fault code, like a real one.
 */
public final class SimulatedTicketPrinter extends SimulatedDevice implements TicketPrinter {
    private final Path output;
    private final EscPosEncoder encoder;
    private volatile PrinterStatus status = PrinterStatus.UNKNOWN;

    /** A printer writing to {@code output} (created when missing, appended to otherwise). */
    public SimulatedTicketPrinter(String deviceId, Clock clock, Path output, EscPosEncoder encoder) {
        super(deviceId, clock);
        this.output = Objects.requireNonNull(output, "output");
        this.encoder = Objects.requireNonNull(encoder, "encoder");
    }

    @Override
    public void start() {
        status = PrinterStatus.READY;
        super.start();
    }

    @Override
    public void close() {
        status = PrinterStatus.UNKNOWN;
        super.close();
    }

    /** Simulates the printer's state (paper out, cover open, ...); a fault status is reported as health too. */
    public void setStatus(PrinterStatus s) {
        status = Objects.requireNonNull(s);
        if (s.faultCode() == null) {
            simulateRecovery();
        } else {
            simulateFault(s.faultCode(), s.name(), true);
        }
    }

    @Override
    public PrinterStatus status() {
        return status;
    }

    /** The file the tickets go to. */
    public Path output() {
        return output;
    }

    @Override
    public synchronized PrintResult print(TicketLayout ticket) {
        PrinterStatus s = status;
        if (!started()) {
            return PrintResult.failed(DeviceFaultCode.DISCONNECTED, "printer not started", s);
        }
        if (!s.canPrint()) {
            DeviceFaultCode code = s.faultCode() != null ? s.faultCode() : DeviceFaultCode.DISCONNECTED;
            return PrintResult.failed(code, "printer " + s, s);
        }
        try {
            Files.write(output, encoder.encode(ticket), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            simulateFault(DeviceFaultCode.DEVICE_ERROR, "cannot write " + output.getFileName(), true);
            return PrintResult.failed(DeviceFaultCode.DEVICE_ERROR, "cannot write the output file", s);
        }
        return PrintResult.printed(s);
    }
}
