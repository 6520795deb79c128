package io.scenicpass.terminal.device.escpos;

import io.scenicpass.terminal.device.TicketLayout;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an ESC/POS byte stream back into tickets: the text lines with their styles, the QR payloads and the cuts —
 * what a test (or the simulated kiosk) needs to take the pass off a "printed" ticket. It knows the commands
 * {@link EscPosEncoder} writes plus a few common ones ({@code ESC !}, {@code ESC t}, {@code ESC M}, {@code ESC -},
 * {@code ESC J}, CR); status queries in the stream are skipped. Anything else is an {@link IllegalArgumentException}
 * naming the byte offset.
 */
public final class EscPosDecoder {
    private static final Charset GB18030 = Charset.forName("GB18030");

    private final byte[] in;
    private int pos;
    private final List<TicketLayout> tickets = new ArrayList<>();
    private TicketLayout.Builder ticket = TicketLayout.builder();
    private int elements;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private List<TicketLayout.Style> lineStyles = new ArrayList<>();
    private boolean chinese;
    private boolean bold;
    private boolean large;
    private boolean centred;
    private byte[] storedQr;

    private EscPosDecoder(byte[] in) {
        this.in = in;
    }

    /** The tickets in {@code stream}, in order; each cut ends one (a last one without a cut has {@code cut()} false). */
    public static List<TicketLayout> decode(byte[] stream) {
        EscPosDecoder d = new EscPosDecoder(stream);
        d.run();
        return d.tickets;
    }

    private void run() {
        while (pos < in.length) {
            int start = pos;
            int b = next();
            if (b == EscPosEncoder.ESC) {
                esc(start);
            } else if (b == EscPosEncoder.GS) {
                gs(start);
            } else if (b == EscPosEncoder.FS) {
                int c = next();
                if (c != '&' && c != '.') {
                    throw unknown(start);
                }
                chinese = c == '&';
            } else if (b == 0x10) {
                if (next() != 0x04) {
                    throw unknown(start);
                }
                next(); // DLE EOT n: a status query, nothing printed
            } else if (b == EscPosEncoder.LF) {
                endLine();
            } else if (b == '\r') {
                continue;
            } else if (b < 0x20) {
                throw unknown(start);
            } else {
                if (line.size() == 0) {
                    lineStyles = currentStyles();
                }
                line.write(b);
            }
        }
        if (line.size() > 0) {
            endLine();
        }
        if (elements > 0) {
            tickets.add(ticket.cut(false).build());
        }
    }

    private void esc(int start) {
        int c = next();
        switch (c) {
            case '@':
                chinese = false; // the encoder sets the mode after ESC @ anyway
                bold = large = centred = false;
                break;
            case 'E':
                bold = (next() & 1) != 0;
                break;
            case 'a':
                int a = next();
                centred = a == 1 || a == '1';
                break;
            case '!':
                int mode = next();
                bold = (mode & 0x08) != 0;
                large = (mode & 0x30) != 0;
                break;
            case 'd':
                int lines = next();
                if (lines > 0) {
                    add(() -> ticket.feed(lines));
                }
                break;
            case 't':
            case 'M':
            case '-':
            case 'J':
                next(); // code page, font, underline, feed in dots: no effect on the text we read
                break;
            default:
                throw unknown(start);
        }
    }

    private void gs(int start) {
        int c = next();
        if (c == '!') {
            large = next() != 0;
        } else if (c == 'V') {
            int m = next();
            if (m == 65 || m == 66) {
                next(); // function B's feed amount
            }
            if (line.size() > 0) {
                endLine();
            }
            tickets.add(ticket.cut(true).build());
            ticket = TicketLayout.builder();
            elements = 0;
        } else if (c == 'r') {
            next(); // GS r n: a status query
        } else if (c == '(' && next() == 'k') {
            int len = next() | (next() << 8);
            int end = pos + len;
            if (len < 2 || end > in.length) {
                throw new IllegalArgumentException("GS ( k at offset " + start + " runs past the end of the stream");
            }
            int cn = next();
            int fn = next();
            if (cn == 49 && fn == 'P') {
                storedQr = java.util.Arrays.copyOfRange(in, pos + 1, end); // after m = 48
            } else if (cn == 49 && fn == 'Q') {
                if (storedQr == null) {
                    throw new IllegalArgumentException("QR print at offset " + start + " without stored data");
                }
                String payload = new String(storedQr, StandardCharsets.UTF_8);
                add(() -> ticket.qr(payload));
                storedQr = null;
            }
            pos = end; // model, module size, error correction and other symbols: nothing to read
        } else {
            throw unknown(start);
        }
    }

    private void endLine() {
        if (line.size() == 0) {
            add(() -> ticket.feed(1));
            return;
        }
        String text = new String(line.toByteArray(), chinese ? GB18030 : StandardCharsets.ISO_8859_1);
        line.reset();
        add(() -> ticket.line(text, lineStyles.toArray(new TicketLayout.Style[0])));
    }

    private List<TicketLayout.Style> currentStyles() {
        List<TicketLayout.Style> s = new ArrayList<>();
        if (bold) {
            s.add(TicketLayout.Style.BOLD);
        }
        if (large) {
            s.add(TicketLayout.Style.LARGE);
        }
        if (centred) {
            s.add(TicketLayout.Style.CENTRED);
        }
        return s;
    }

    private void add(Runnable element) {
        element.run();
        elements++;
    }

    private int next() {
        if (pos >= in.length) {
            throw new IllegalArgumentException("command cut short at the end of the stream (offset " + pos + ")");
        }
        return in[pos++] & 0xFF;
    }

    private IllegalArgumentException unknown(int start) {
        StringBuilder hex = new StringBuilder();
        for (int i = start; i < Math.min(in.length, start + 3); i++) {
            hex.append(String.format("%02X ", in[i] & 0xFF));
        }
        return new IllegalArgumentException(
                "unknown ESC/POS command " + hex.toString().trim() + " at offset " + start);
    }
}
