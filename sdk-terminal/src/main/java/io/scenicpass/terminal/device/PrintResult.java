package io.scenicpass.terminal.device;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one print job: printed, or failed with a fault code and a message. A failed job may have printed
 * part of the ticket (paper ran out in the middle): treat it as not printed and print it again once the printer is
 * ready.
 */
public final class PrintResult {
    private final boolean printed;
    private final DeviceFaultCode failure;
    private final String message;
    private final PrinterStatus status;

    private PrintResult(boolean printed, DeviceFaultCode failure, String message, PrinterStatus status) {
        this.printed = printed;
        this.failure = failure;
        this.message = message;
        this.status = Objects.requireNonNull(status, "status");
    }

    /** The ticket was printed completely; {@code status} is the printer's status afterwards. */
    public static PrintResult printed(PrinterStatus status) {
        return new PrintResult(true, null, "printed", status);
    }

    /** The job failed. */
    public static PrintResult failed(DeviceFaultCode code, String message, PrinterStatus status) {
        return new PrintResult(false, Objects.requireNonNull(code, "code"), message, status);
    }

    /** True when the whole ticket was printed. */
    public boolean printed() {
        return printed;
    }

    /** Why the job failed; empty when printed. */
    public Optional<DeviceFaultCode> failure() {
        return Optional.ofNullable(failure);
    }

    /** A short message (no personal data). */
    public String message() {
        return message;
    }

    /** The printer's status when the job ended. */
    public PrinterStatus status() {
        return status;
    }

    @Override
    public String toString() {
        return printed ? "printed (" + status + ")" : "failed " + failure + ": " + message + " (" + status + ")";
    }
}
