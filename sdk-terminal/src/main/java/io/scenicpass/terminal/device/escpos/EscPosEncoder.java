package io.scenicpass.terminal.device.escpos;

import io.scenicpass.terminal.device.TicketLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Turns a {@link TicketLayout} into the ESC/POS byte stream of one ticket. Every ticket starts with {@code ESC @}
 * (initialise) and the character mode, sets alignment, emphasis and size before each line, prints QR codes with the
 * {@code GS ( k} functions and ends with {@code GS V} (feed to the cutter and cut). Immutable and thread-safe.
 */
public final class EscPosEncoder {
    /** How text becomes bytes. */
    public enum TextEncoding {
        /** Chinese mode ({@code FS &}) with GB18030 bytes, as Chinese thermal printers take them. */
        GB18030,
        /** Chinese mode off ({@code FS .}); characters outside printable ASCII print as {@code ?}. */
        ASCII
    }

    /** QR error correction levels (ESC/POS function 169: 48..51). */
    public enum QrErrorCorrection {
        /** About 7 % recoverable. */
        L,
        /** About 15 %. */
        M,
        /** About 25 %. */
        Q,
        /** About 30 %. */
        H
    }

    static final int ESC = 0x1B;
    static final int GS = 0x1D;
    static final int FS = 0x1C;
    static final int LF = 0x0A;
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final TextEncoding encoding;
    private final int qrModuleSize;
    private final QrErrorCorrection qrErrorCorrection;
    private final boolean fullCut;

    private EscPosEncoder(TextEncoding encoding, int qrModuleSize, QrErrorCorrection ec, boolean fullCut) {
        this.encoding = encoding;
        this.qrModuleSize = qrModuleSize;
        this.qrErrorCorrection = ec;
        this.fullCut = fullCut;
    }

    /** GB18030 text, QR module size 6 dots, error correction M, partial cut. */
    public static EscPosEncoder defaults() {
        return new EscPosEncoder(TextEncoding.GB18030, 6, QrErrorCorrection.M, false);
    }

    /** This encoder with another text encoding. */
    public EscPosEncoder withTextEncoding(TextEncoding v) {
        return new EscPosEncoder(java.util.Objects.requireNonNull(v), qrModuleSize, qrErrorCorrection, fullCut);
    }

    /** This encoder with another QR module size in dots (1 to 16; 6 dots at 203 dpi is 0.75 mm). */
    public EscPosEncoder withQrModuleSize(int dots) {
        if (dots < 1 || dots > 16) {
            throw new IllegalArgumentException("QR module size is 1 to 16 dots, not " + dots);
        }
        return new EscPosEncoder(encoding, dots, qrErrorCorrection, fullCut);
    }

    /** This encoder with another QR error correction level. */
    public EscPosEncoder withQrErrorCorrection(QrErrorCorrection v) {
        return new EscPosEncoder(encoding, qrModuleSize, java.util.Objects.requireNonNull(v), fullCut);
    }

    /** This encoder with a full cut instead of a partial one (printers with a full-cut blade). */
    public EscPosEncoder withFullCut(boolean v) {
        return new EscPosEncoder(encoding, qrModuleSize, qrErrorCorrection, v);
    }

    /** The text encoding. */
    public TextEncoding textEncoding() {
        return encoding;
    }

    /** The bytes of one ticket. */
    public byte[] encode(TicketLayout ticket) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        put(out, ESC, '@'); // initialise: styles, alignment and code page back to their defaults
        put(out, FS, encoding == TextEncoding.GB18030 ? '&' : '.'); // Chinese mode on / off
        for (TicketLayout.Element e : ticket.elements()) {
            switch (e.kind()) {
                case TEXT:
                    put(out, ESC, 'a', e.has(TicketLayout.Style.CENTRED) ? 1 : 0);
                    put(out, ESC, 'E', e.has(TicketLayout.Style.BOLD) ? 1 : 0);
                    put(out, GS, '!', e.has(TicketLayout.Style.LARGE) ? 0x11 : 0x00); // width and height x2
                    out.writeBytes(text(e.text()));
                    out.write(LF);
                    break;
                case QR:
                    qr(out, e.text().getBytes(StandardCharsets.UTF_8));
                    break;
                case FEED:
                    put(out, ESC, 'd', e.lines());
                    break;
                default:
                    throw new IllegalStateException(e.kind().name());
            }
        }
        if (ticket.cut()) {
            put(out, GS, 'V', fullCut ? 65 : 66, 0); // function B: feed to the cutting position, then cut
        }
        return out.toByteArray();
    }

    private void qr(ByteArrayOutputStream out, byte[] data) {
        put(out, ESC, 'a', 1);
        qrFunction(out, 'A', 50, 0); // 165: model 2
        qrFunction(out, 'C', qrModuleSize); // 167: module size in dots
        qrFunction(out, 'E', 48 + qrErrorCorrection.ordinal()); // 169: error correction level
        int len = data.length + 3;
        put(out, GS, '(', 'k', len & 0xFF, len >> 8, 49, 'P', 48); // 180: store the data
        out.writeBytes(data);
        qrFunction(out, 'Q', 48); // 181: print the stored symbol (the print position returns to the line start)
    }

    /** {@code GS ( k pL pH 49 fn params}: a QR function with its one or two parameters. */
    private static void qrFunction(ByteArrayOutputStream out, int fn, int... params) {
        put(out, GS, '(', 'k', params.length + 2, 0, 49, fn);
        for (int p : params) {
            out.write(p);
        }
    }

    private byte[] text(String s) {
        if (encoding == TextEncoding.GB18030) {
            return s.getBytes(GB18030);
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        s.codePoints().forEach(c -> b.write(c >= 0x20 && c < 0x7F ? c : '?'));
        return b.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, int... bytes) {
        for (int b : bytes) {
            out.write(b);
        }
    }
}
