package io.scenicpass.terminal.device.escpos;

import io.scenicpass.terminal.device.PrinterStatus;

/**
 * The ESC/POS status exchange. Real-time queries {@code DLE EOT n} are answered at once, even while the printer is
 * busy or offline, with one byte whose bits 1 and 4 are set and bits 0 and 7 clear. {@code GS r 1} (paper sensor
 * status) is answered only when the printer reaches it in its buffer — after everything before it was printed —
 * with a byte whose bit 4 is clear: the driver appends it to a ticket to learn that the ticket was printed.
 */
public final class EscPosStatus {
    /** {@code DLE EOT 1}: printer status (bit 3: offline). */
    public static final int PRINTER = 1;
    /** {@code DLE EOT 2}: offline cause (bit 2: cover open, bit 5: stopped at paper end, bit 6: error). */
    public static final int OFFLINE_CAUSE = 2;
    /** {@code DLE EOT 4}: roll paper sensor (bits 2-3: near end, bits 5-6: paper end). */
    public static final int PAPER_SENSOR = 4;

    private EscPosStatus() {}

    /** The real-time query {@code DLE EOT n}. */
    public static byte[] query(int n) {
        return new byte[] {0x10, 0x04, (byte) n};
    }

    /** {@code GS r 1}: answered once everything sent before it was printed. */
    public static byte[] inOrderQuery() {
        return new byte[] {EscPosEncoder.GS, 'r', 1};
    }

    /** True when {@code b} has the fixed bits of a real-time status answer. */
    public static boolean isRealTimeAnswer(int b) {
        return (b & 0x93) == 0x12;
    }

    /** True when {@code b} can be the answer to {@link #inOrderQuery()} (bits 4 and 7 clear). */
    public static boolean isInOrderAnswer(int b) {
        return (b & 0x90) == 0;
    }

    /**
     * The status from the answers to {@code DLE EOT 1, 2, 4}. A stopped printer's reason wins over its paper
     * warning: cover open, then paper out, then error, then offline, then paper near end.
     */
    public static PrinterStatus parse(int printer, int offlineCause, int paper) {
        if ((offlineCause & 0x04) != 0) {
            return PrinterStatus.COVER_OPEN;
        }
        if ((paper & 0x60) != 0 || (offlineCause & 0x20) != 0) {
            return PrinterStatus.PAPER_OUT;
        }
        if ((offlineCause & 0x40) != 0) {
            return PrinterStatus.ERROR;
        }
        if ((printer & 0x08) != 0) {
            return PrinterStatus.OFFLINE;
        }
        return (paper & 0x0C) != 0 ? PrinterStatus.PAPER_NEAR_END : PrinterStatus.READY;
    }
}
