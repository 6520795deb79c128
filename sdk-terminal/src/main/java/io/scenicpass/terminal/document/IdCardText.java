package io.scenicpass.terminal.document;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parser for the 256-byte UCS-2LE text block of a Chinese second-generation ID card. Field layout in
 * bytes: name 30, sex 2, nation 4, birth date 16 ({@code YYYYMMDD}), address 70, ID number 36, issuing
 * authority 30, valid from 16, valid to 16 ({@code YYYYMMDD} or {@code 长期}), then 36 reserved bytes.
 * Fields are right-padded with spaces.
 */
public final class IdCardText {
    /** Size of the text block. */
    public static final int TEXT_LENGTH = 256;

    private static final int[] FIELD_BYTES = {30, 2, 4, 16, 70, 36, 30, 16, 16};
    private static final String LONG_TERM = "长期";

    private IdCardText() {}

    /**
     * Decodes the text block and validates the ID number (GB 11643) against {@code today}.
     *
     * @param text the 256-byte text block
     * @param photo the photo bytes, passed through untouched (may be empty, not null)
     * @throws DocumentException {@link DocumentErrorCode#ID_CARD_TEXT} for a malformed block, or a
     *     {@code CN_ID_*} code for an invalid ID number
     */
    public static IdCardInfo parse(byte[] text, byte[] photo, LocalDate today) {
        if (text == null || text.length != TEXT_LENGTH) {
            throw new DocumentException(
                    DocumentErrorCode.ID_CARD_TEXT,
                    "text block must be 256 bytes, got " + (text == null ? 0 : text.length));
        }
        String[] f = new String[FIELD_BYTES.length];
        int off = 0;
        for (int i = 0; i < FIELD_BYTES.length; i++) {
            f[i] = new String(text, off, FIELD_BYTES[i], StandardCharsets.UTF_16LE)
                    .replace('\u0000', ' ')
                    .trim();
            off += FIELD_BYTES[i];
        }
        if (f[0].isEmpty()) {
            throw new DocumentException(DocumentErrorCode.ID_CARD_TEXT, "name is empty");
        }
        IdCardInfo.Sex sex = sex(f[1]);
        LocalDate birth = date(f[3], "birth date");
        ChineseIdNumber id = ChineseIdNumber.parse(f[5], today);
        LocalDate from = date(f[7], "valid-from date");
        LocalDate until = LONG_TERM.equals(f[8]) ? null : date(f[8], "valid-to date");
        return new IdCardInfo(
                f[0],
                sex,
                f[2],
                Nations.name(f[2]),
                birth,
                f[4],
                id,
                f[6],
                from,
                until,
                photo == null ? new byte[0] : photo);
    }

    /**
     * Encodes the fields into a 256-byte block (for simulated readers and tests).
     * Fields longer than their slot are truncated.
     */
    public static byte[] encode(
            String name,
            String sexCode,
            String nationCode,
            String birth,
            String address,
            String idNumber,
            String authority,
            String validFrom,
            String validTo) {
        String[] f = {name, sexCode, nationCode, birth, address, idNumber, authority, validFrom, validTo};
        byte[] out = new byte[TEXT_LENGTH];
        int off = 0;
        for (int i = 0; i < f.length; i++) {
            StringBuilder sb = new StringBuilder(f[i]);
            int chars = FIELD_BYTES[i] / 2;
            sb.setLength(Math.min(sb.length(), chars));
            while (sb.length() < chars) {
                sb.append(' ');
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_16LE);
            System.arraycopy(b, 0, out, off, b.length);
            off += FIELD_BYTES[i];
        }
        for (int i = off; i < TEXT_LENGTH; i += 2) {
            out[i] = ' ';
        }
        return out;
    }

    private static IdCardInfo.Sex sex(String code) {
        switch (code) {
            case "0":
                return IdCardInfo.Sex.UNKNOWN;
            case "1":
                return IdCardInfo.Sex.MALE;
            case "2":
                return IdCardInfo.Sex.FEMALE;
            case "9":
                return IdCardInfo.Sex.UNSPECIFIED;
            default:
                throw new DocumentException(DocumentErrorCode.ID_CARD_TEXT, "unknown sex code");
        }
    }

    private static LocalDate date(String s, String what) {
        if (s.length() != 8) {
            throw new DocumentException(DocumentErrorCode.ID_CARD_TEXT, what + " is not YYYYMMDD");
        }
        for (int i = 0; i < 8; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw new DocumentException(DocumentErrorCode.ID_CARD_TEXT, what + " is not YYYYMMDD");
            }
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(s.substring(0, 4)),
                    Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (DateTimeException e) {
            throw new DocumentException(DocumentErrorCode.ID_CARD_TEXT, what + " is not a calendar date");
        }
    }
}
