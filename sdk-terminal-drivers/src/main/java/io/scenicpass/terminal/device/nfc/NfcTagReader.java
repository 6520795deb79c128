package io.scenicpass.terminal.device.nfc;

import io.scenicpass.terminal.device.DeviceFaultCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Reads a card over any {@link ApduChannel}: the UID with the PC/SC pseudo-APDU {@code FF CA 00 00 00},
 * then the NDEF message of an NFC Forum Type 4 tag (select application {@code D2760000850101}, read the
 * capability container {@code E103}, select and read the NDEF file). The first NDEF text record
 * ({@code T}) is taken as the pass text; a MIME record {@value #PASS_MIME_TYPE} carries raw COSE bytes.
 * A card without an NDEF application is just a UID. Stateless and thread-safe.
 */
public final class NfcTagReader {
    /** MIME type of an NDEF record carrying the raw COSE pass. */
    public static final String PASS_MIME_TYPE = "application/vnd.scenicpass.pass";

    private static final byte[] GET_UID = {(byte) 0xFF, (byte) 0xCA, 0x00, 0x00, 0x00};
    private static final byte[] SELECT_NDEF_APP = {
        0x00, (byte) 0xA4, 0x04, 0x00, 0x07, (byte) 0xD2, 0x76, 0x00, 0x00, (byte) 0x85, 0x01, 0x01, 0x00
    };
    private static final int MAX_NDEF = 8192;

    /** Reads UID and NDEF pass. */
    public NfcCardData read(ApduChannel channel) throws NfcReadException {
        String uid = readUid(channel);
        byte[] ndef = readNdefMessage(channel);
        String text = null;
        byte[] bytes = null;
        if (ndef != null) {
            Object[] pass = parsePass(ndef);
            text = (String) pass[0];
            bytes = (byte[]) pass[1];
        }
        return new NfcCardData(uid, text, bytes);
    }

    /** Reads the UID ({@code FF CA 00 00 00}); empty string when the reader does not support it. */
    public String readUid(ApduChannel channel) throws NfcReadException {
        byte[] r = channel.transmit(GET_UID);
        if (!ok(r)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < r.length - 2; i++) {
            sb.append(String.format(Locale.ROOT, "%02X", r[i] & 0xFF));
        }
        return sb.toString();
    }

    /** Reads the raw NDEF message of a Type 4 tag; null if the card has no NDEF application. */
    public byte[] readNdefMessage(ApduChannel channel) throws NfcReadException {
        if (!ok(channel.transmit(SELECT_NDEF_APP))) {
            return null;
        }
        if (!ok(channel.transmit(select(0xE103)))) {
            throw new NfcReadException(
                    DeviceFaultCode.MALFORMED_FRAME, "NDEF application without capability container");
        }
        byte[] cc = data(channel.transmit(readBinary(0, 15)), "capability container");
        if (cc.length < 15 || cc[7] != 0x04) {
            throw new NfcReadException(DeviceFaultCode.MALFORMED_FRAME, "capability container without NDEF file TLV");
        }
        int maxLe = Math.max(1, Math.min(0xFF, ((cc[3] & 0xFF) << 8) | (cc[4] & 0xFF)));
        int fileId = ((cc[9] & 0xFF) << 8) | (cc[10] & 0xFF);
        if (!ok(channel.transmit(select(fileId)))) {
            throw new NfcReadException(DeviceFaultCode.MALFORMED_FRAME, "cannot select NDEF file");
        }
        byte[] nlenBytes = data(channel.transmit(readBinary(0, 2)), "NDEF length");
        if (nlenBytes.length != 2) {
            throw new NfcReadException(DeviceFaultCode.MALFORMED_FRAME, "NDEF length is not 2 bytes");
        }
        int nlen = ((nlenBytes[0] & 0xFF) << 8) | (nlenBytes[1] & 0xFF);
        if (nlen == 0) {
            return null;
        }
        if (nlen > MAX_NDEF) {
            throw new NfcReadException(
                    DeviceFaultCode.MALFORMED_FRAME, "NDEF message of " + nlen + " bytes is too long");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < nlen) {
            int chunk = Math.min(maxLe, nlen - out.size());
            byte[] d = data(channel.transmit(readBinary(2 + out.size(), chunk)), "NDEF file");
            if (d.length == 0) {
                throw new NfcReadException(DeviceFaultCode.MALFORMED_FRAME, "NDEF file shorter than its length");
            }
            out.write(d, 0, Math.min(d.length, nlen - out.size()));
        }
        return out.toByteArray();
    }

    /**
     * Finds the pass in an NDEF message: {@code {text or null, bytes or null}}.
     *
     * @throws NfcReadException {@code MALFORMED_FRAME} for a truncated or inconsistent message
     */
    static Object[] parsePass(byte[] m) throws NfcReadException {
        int i = 0;
        while (i < m.length) {
            int header = m[i++] & 0xFF;
            int tnf = header & 0x07;
            boolean shortRecord = (header & 0x10) != 0;
            boolean hasId = (header & 0x08) != 0;
            boolean last = (header & 0x40) != 0;
            int typeLen = byteAt(m, i++);
            long payloadLen;
            if (shortRecord) {
                payloadLen = byteAt(m, i++);
            } else {
                payloadLen = ((long) byteAt(m, i) << 24)
                        | (byteAt(m, i + 1) << 16)
                        | (byteAt(m, i + 2) << 8)
                        | byteAt(m, i + 3);
                i += 4;
            }
            int idLen = hasId ? byteAt(m, i++) : 0;
            if (i + typeLen + idLen + payloadLen > m.length) {
                throw new NfcReadException(DeviceFaultCode.MALFORMED_FRAME, "NDEF record runs past the message");
            }
            String type = new String(m, i, typeLen, StandardCharsets.US_ASCII);
            i += typeLen + idLen;
            byte[] payload = Arrays.copyOfRange(m, i, i + (int) payloadLen);
            i += (int) payloadLen;
            if (tnf == 0x01 && "T".equals(type) && payload.length > 0) {
                int status = payload[0] & 0xFF;
                int langLen = status & 0x3F;
                if (1 + langLen > payload.length) {
                    throw new NfcReadException(
                            DeviceFaultCode.MALFORMED_FRAME, "text record language runs past payload");
                }
                String text = new String(
                        payload,
                        1 + langLen,
                        payload.length - 1 - langLen,
                        (status & 0x80) != 0 ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
                return new Object[] {text.trim(), null};
            }
            if (tnf == 0x02 && PASS_MIME_TYPE.equals(type)) {
                return new Object[] {null, payload};
            }
            if (last) {
                break;
            }
        }
        return new Object[] {null, null};
    }

    /** Encodes a one-record NDEF message with a UTF-8 text record (for simulated cards and tests). */
    public static byte[] textRecord(String text, String lang) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] l = lang.getBytes(StandardCharsets.US_ASCII);
        int payload = 1 + l.length + t.length;
        boolean sr = payload < 256;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xC0 | (sr ? 0x10 : 0) | 0x01);
        out.write(1);
        if (sr) {
            out.write(payload);
        } else {
            out.write(payload >>> 24);
            out.write(payload >>> 16);
            out.write(payload >>> 8);
            out.write(payload);
        }
        out.write('T');
        out.write(l.length);
        out.write(l, 0, l.length);
        out.write(t, 0, t.length);
        return out.toByteArray();
    }

    private static int byteAt(byte[] m, int i) throws NfcReadException {
        if (i >= m.length) {
            throw new NfcReadException(DeviceFaultCode.MALFORMED_FRAME, "NDEF record header truncated");
        }
        return m[i] & 0xFF;
    }

    private static boolean ok(byte[] r) {
        return r != null && r.length >= 2 && (r[r.length - 2] & 0xFF) == 0x90 && r[r.length - 1] == 0x00;
    }

    private static byte[] data(byte[] r, String what) throws NfcReadException {
        if (!ok(r)) {
            throw new NfcReadException(DeviceFaultCode.DEVICE_ERROR, "reading " + what + " failed");
        }
        return Arrays.copyOf(r, r.length - 2);
    }

    private static byte[] select(int fileId) {
        return new byte[] {0x00, (byte) 0xA4, 0x00, 0x0C, 0x02, (byte) (fileId >> 8), (byte) fileId};
    }

    private static byte[] readBinary(int offset, int len) {
        return new byte[] {0x00, (byte) 0xB0, (byte) (offset >> 8), (byte) offset, (byte) len};
    }
}
