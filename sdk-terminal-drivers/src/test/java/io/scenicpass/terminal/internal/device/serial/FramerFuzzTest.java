package io.scenicpass.terminal.internal.device.serial;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.device.DeviceFaultCode;
import io.scenicpass.terminal.document.DocumentException;
import io.scenicpass.terminal.document.IdCardText;
import io.scenicpass.terminal.fuzz.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the serial framers with random and mutated input: the GA/T 467 ID-card response decoder and the line
 * framer of QR scanners and MRZ readers. Mutations of valid frames include bit flips, truncation, insertion,
 * duplication, length-field lies and checksum-valid garbage (the XOR recomputed after mutating), fed in random
 * pieces. Nothing may escape {@code feed}/{@code idle}, buffers stay bounded, every emitted frame is well formed,
 * and the framer recovers for the next good frame. 4,000 cases each by default, 1,000,000 each under {@code -Plong}.
 */
class FramerFuzzTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    private static final List<byte[]> ID_FRAMES = new ArrayList<>();

    static {
        byte[] text = IdCardText.encode(
                "张三",
                "1",
                "01",
                "19900307",
                "北京市东城区景山前街4号",
                "11010119900307803X",
                "北京市公安局东城分局",
                "20200101",
                "20400101");
        byte[] photo = new byte[1024];
        new Random(1).nextBytes(photo);
        byte[] base = new byte[4 + text.length + photo.length];
        base[0] = (byte) (text.length >> 8);
        base[1] = (byte) text.length;
        base[2] = (byte) (photo.length >> 8);
        base[3] = (byte) photo.length;
        System.arraycopy(text, 0, base, 4, text.length);
        System.arraycopy(photo, 0, base, 4 + text.length, photo.length);
        ID_FRAMES.add(IdCardFrames.response(0, 0, 0x90, base));
        ID_FRAMES.add(IdCardFrames.response(0, 0, 0x9F, new byte[4]));
        ID_FRAMES.add(IdCardFrames.response(0, 0, 0x90, new byte[8]));
        ID_FRAMES.add(IdCardFrames.response(0, 0, 0x80));
        ID_FRAMES.add(IdCardFrames.command(0x30, 0x01));
    }

    @Test
    void idCardDecoderSurvivesRandomAndMutatedFrames() {
        Map<String, Integer> out =
                Fuzz.run("id-card frames", 467, Fuzz.cases(4_000, 1_000_000), FramerFuzzTest::idCardCase);
        assertThat(out.keySet())
                .as("the fuzzer reaches decoded ID cards and every kind of rejection")
                .contains("response:card", "response:lengths", "BAD_CHECKSUM", "MALFORMED_FRAME", "GARBAGE");
    }

    @Test
    void lineFramerSurvivesRandomAndMutatedLines() {
        Map<String, Integer> out =
                Fuzz.run("scanner/MRZ lines", 1, Fuzz.cases(4_000, 1_000_000), FramerFuzzTest::lineCase);
        assertThat(out.keySet()).contains("line", "GARBAGE", "MALFORMED_FRAME");
    }

    static String idCardCase(Random r) {
        byte[] input = idCardInput(r);
        IdCardFrames.Decoder d = new IdCardFrames.Decoder();
        List<IdCardFrames.Response> got = new ArrayList<>();
        List<DeviceFaultCode> faults = new ArrayList<>();
        IdCardFrames.Sink sink = sink(got, faults);
        for (byte[] piece : pieces(input, r)) {
            d.feed(piece, piece.length, sink);
            assertThat(d.pending()).as("buffer bounded").isLessThanOrEqualTo(7 + IdCardFrames.MAX_LEN);
        }
        String outcome = faults.isEmpty() ? "pending" : faults.get(0).name();
        for (IdCardFrames.Response resp : got) {
            assertThat(resp.data().length).isLessThanOrEqualTo(IdCardFrames.MAX_LEN);
            outcome = "response:" + baseInfo(resp.data());
        }
        // the driver resets before each command: the next good frame decodes, whatever came before
        d.reset();
        got.clear();
        byte[] good = ID_FRAMES.get(1);
        d.feed(good, good.length, sink);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).sw3()).isEqualTo(0x9F);
        return outcome;
    }

    /** What SerialIdCardReader does with the data of a base-info response: lengths, then IdCardText. */
    private static String baseInfo(byte[] data) {
        if (data.length < 4) {
            return "short";
        }
        int textLen = ((data[0] & 0xFF) << 8) | (data[1] & 0xFF);
        int photoLen = ((data[2] & 0xFF) << 8) | (data[3] & 0xFF);
        if (4 + textLen + photoLen != data.length || textLen != IdCardText.TEXT_LENGTH) {
            return "lengths";
        }
        try {
            IdCardText.parse(
                    Arrays.copyOfRange(data, 4, 4 + textLen),
                    Arrays.copyOfRange(data, 4 + textLen, data.length),
                    TODAY);
            return "card";
        } catch (DocumentException e) {
            assertThat(e.code()).isNotNull();
            return e.code().name();
        }
    }

    private static byte[] idCardInput(Random r) {
        int kind = r.nextInt(10);
        if (kind == 0) {
            return Fuzz.randomBytes(r, 600);
        }
        if (kind == 1) {
            return Fuzz.splice(Fuzz.randomBytes(r, 600), 0, 0, IdCardFrames.PREAMBLE);
        }
        byte[] out = new byte[0];
        int frames = 1 + r.nextInt(3);
        for (int f = 0; f < frames; f++) {
            byte[] frame = ID_FRAMES.get(r.nextInt(ID_FRAMES.size())).clone();
            int how = r.nextInt(4);
            if (how == 0 || how == 1) {
                frame = Fuzz.mutate(frame, r, ID_FRAMES);
            }
            if (how == 1 || how == 2) {
                frame = lieAboutLength(frame, r);
            }
            if ((how == 1 || how == 2 || r.nextBoolean()) && frame.length > 7) {
                frame[frame.length - 1] = IdCardFrames.xor(frame, 5, frame.length - 1); // checksum-valid garbage
            }
            out = Fuzz.splice(out, out.length, out.length, frame);
            if (r.nextInt(4) == 0) {
                out = Fuzz.splice(out, out.length, out.length, Fuzz.randomBytes(r, 20));
            }
        }
        return out;
    }

    private static byte[] lieAboutLength(byte[] frame, Random r) {
        if (frame.length < 7) {
            return frame;
        }
        int len = ((frame[5] & 0xFF) << 8) | (frame[6] & 0xFF);
        int lie;
        switch (r.nextInt(4)) {
            case 0:
                lie = len + 1 + r.nextInt(8);
                break;
            case 1:
                lie = Math.max(0, len - 1 - r.nextInt(8));
                break;
            case 2:
                lie = new int[] {0, 1, 3, 4, 5, IdCardFrames.MAX_LEN, IdCardFrames.MAX_LEN + 1, 0xFFFF}[r.nextInt(8)];
                break;
            default:
                lie = r.nextInt(0x10000);
        }
        frame[5] = (byte) (lie >> 8);
        frame[6] = (byte) lie;
        return frame;
    }

    static String lineCase(Random r) {
        byte[] terminator = r.nextBoolean() ? new byte[] {'\r'} : new byte[] {'\r', '\n'};
        String prefix = r.nextInt(3) == 0 ? "]Q1" : "";
        String suffix = r.nextInt(3) == 0 ? "#" : "";
        int max = r.nextBoolean() ? 64 : 512;
        Duration partial = Duration.ofMillis(200);
        LineFramer f = new LineFramer(terminator, prefix, suffix, max, partial);
        List<String> lines = new ArrayList<>();
        List<DeviceFaultCode> faults = new ArrayList<>();
        LineFramer.Sink sink = new LineFramer.Sink() {
            @Override
            public void onLine(String line, byte[] raw) {
                assertThat(line).isNotEmpty().isEqualTo(line.trim());
                assertThat(line.chars()).noneMatch(c -> c < 0x20 || c == 0x7F);
                assertThat(raw.length).isLessThanOrEqualTo(max + terminator.length);
                lines.add(line);
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {
                assertThat(code).isNotNull();
                assertThat(message).isNotNull();
                faults.add(code);
            }
        };
        byte[] input = lineInput(r, terminator, prefix, suffix);
        Instant now = T0;
        for (byte[] piece : pieces(input, r)) {
            now = now.plusMillis(r.nextInt(60));
            f.feed(piece, piece.length, now, sink);
            if (r.nextInt(4) == 0) {
                f.idle(now.plusMillis(r.nextInt(300)), sink);
            }
        }
        String outcome = !lines.isEmpty()
                ? "line"
                : faults.isEmpty() ? "nothing" : faults.get(faults.size() - 1).name();
        // a partial line is dropped after the timeout, then the next good line comes through
        f.idle(now.plusSeconds(1), sink);
        lines.clear();
        byte[] good = Fuzz.splice(("SP1" + "ABC123").getBytes(StandardCharsets.US_ASCII), 9, 9, terminator);
        f.feed(good, good.length, now.plusSeconds(2), sink);
        assertThat(lines).containsExactly("SP1ABC123");
        return outcome;
    }

    private static byte[] lineInput(Random r, byte[] terminator, String prefix, String suffix) {
        if (r.nextInt(8) == 0) {
            return Fuzz.randomBytes(r, 700);
        }
        List<byte[]> valid = new ArrayList<>();
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            StringBuilder code = new StringBuilder(prefix).append(r.nextBoolean() ? "SP1" : "");
            int len = r.nextInt(8) == 0 ? 600 : 1 + r.nextInt(60);
            for (int k = 0; k < len; k++) {
                code.append(BASE45.charAt(r.nextInt(BASE45.length())));
            }
            if (r.nextInt(10) == 0) {
                code.append("价格€"); // multi-byte UTF-8, cut anywhere by the mutations
            }
            code.append(suffix);
            valid.add(Fuzz.splice(
                    code.toString().getBytes(StandardCharsets.UTF_8),
                    code.toString().getBytes(StandardCharsets.UTF_8).length,
                    code.toString().getBytes(StandardCharsets.UTF_8).length,
                    terminator));
        }
        byte[] out = new byte[0];
        for (byte[] v : valid) {
            out = Fuzz.splice(out, out.length, out.length, r.nextBoolean() ? Fuzz.mutate(v, r, valid) : v);
        }
        return out;
    }

    /** The input cut into 1..n random pieces (serial reads deliver arbitrary chunks). */
    static List<byte[]> pieces(byte[] input, Random r) {
        List<byte[]> out = new ArrayList<>();
        int i = 0;
        while (i < input.length) {
            int n = r.nextInt(3) == 0 ? input.length - i : 1 + r.nextInt(Math.min(64, input.length - i));
            out.add(Arrays.copyOfRange(input, i, i + n));
            i += n;
        }
        return out;
    }

    private static IdCardFrames.Sink sink(List<IdCardFrames.Response> got, List<DeviceFaultCode> faults) {
        return new IdCardFrames.Sink() {
            @Override
            public void onResponse(IdCardFrames.Response response) {
                got.add(response);
            }

            @Override
            public void onError(DeviceFaultCode code, String message) {
                assertThat(code).isNotNull();
                faults.add(code);
            }
        };
    }
}
