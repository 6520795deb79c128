package io.scenicpass.terminal.device.nfc;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.terminal.fuzz.Fuzz;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the NDEF message parser with random and mutated messages (text records, the pass MIME record, several
 * records, short and long records; mutations include lies in the type, id and payload length fields and in the
 * flags). It returns a result or throws {@link NfcReadException}; a found pass then decodes to a pass or a
 * {@link ScenicPassException}. 4,000 cases by default, 1,000,000 under {@code -Plong}.
 */
class NdefFuzzTest {
    private static final List<byte[]> MESSAGES = new ArrayList<>();

    static {
        String text = "SP1NCFOXN%TS3DH3ZSUZK+.V0ETD%65NL-AH-R6IOOA%I..FA3";
        MESSAGES.add(NfcTagReader.textRecord(text, "en"));
        MESSAGES.add(NfcTagReader.textRecord(text + text + text + text + text + text, "zh-CN"));
        MESSAGES.add(record(0x02, NfcTagReader.PASS_MIME_TYPE, new byte[40], true, true, false));
        byte[] two = concat(
                record(0x01, "U", "example.com".getBytes(StandardCharsets.US_ASCII), true, false, true),
                record(0x02, NfcTagReader.PASS_MIME_TYPE, new byte[300], false, true, false));
        MESSAGES.add(two);
    }

    @Test
    void ndefParserGivesAResultOrATypedError() {
        Map<String, Integer> out = Fuzz.run("NDEF", 7816, Fuzz.cases(4_000, 1_000_000), NdefFuzzTest::ndefCase);
        assertThat(out.keySet()).contains("text", "bytes", "MALFORMED_FRAME");
    }

    static String ndefCase(Random r) throws Exception {
        byte[] m;
        int kind = r.nextInt(8);
        if (kind == 0) {
            m = Fuzz.randomBytes(r, 400);
        } else {
            m = MESSAGES.get(r.nextInt(MESSAGES.size()));
            if (kind < 5) {
                m = Fuzz.mutate(m, r, MESSAGES);
            } else if (kind < 7) {
                m = m.clone();
                lie(m, r);
            }
        }
        Object[] found;
        try {
            found = NfcTagReader.parsePass(m);
        } catch (NfcReadException e) {
            assertThat(e.code()).isNotNull();
            return e.code().name();
        }
        assertThat(found).hasSize(2);
        try {
            if (found[0] != null) {
                PassCodec.decode((String) found[0]);
                return "text";
            }
            if (found[1] != null) {
                PassCodec.decode((byte[]) found[1]);
                return "bytes";
            }
        } catch (ScenicPassException e) {
            return found[0] != null ? "text" : "bytes";
        }
        return "none";
    }

    /** Overwrites a header field (flags, type length, payload length, id length) of the first record. */
    private static void lie(byte[] m, Random r) {
        int[] interesting = {0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF};
        int at = r.nextInt(Math.min(m.length, 6));
        m[at] = (byte) (r.nextBoolean() ? interesting[r.nextInt(interesting.length)] : r.nextInt(256));
    }

    static byte[] record(int tnf, String type, byte[] payload, boolean first, boolean last, boolean shortForm) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean sr = shortForm && payload.length < 256;
        out.write((first ? 0x80 : 0) | (last ? 0x40 : 0) | (sr ? 0x10 : 0) | tnf);
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.write(t.length);
        if (sr) {
            out.write(payload.length);
        } else {
            out.write(payload.length >>> 24);
            out.write(payload.length >>> 16);
            out.write(payload.length >>> 8);
            out.write(payload.length);
        }
        out.write(t, 0, t.length);
        out.write(payload, 0, payload.length);
        return out.toByteArray();
    }

    static byte[] concat(byte[] a, byte[] b) {
        return Fuzz.splice(a, a.length, a.length, b);
    }
}
