package io.scenicpass.terminal.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.terminal.fuzz.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes the document parsers — MRZ (TD1/TD2/TD3), the ID-card text block and the Chinese ID number — with random
 * and mutated input, including "checksum-valid garbage" (mutated TD3 zones and ID numbers whose check digits are
 * recomputed). Each returns a result or throws {@link DocumentException}; nothing else escapes, and a parsed
 * document answers all its accessors. 4,000 cases each by default, 1,000,000 each under {@code -Plong}.
 */
class DocumentFuzzTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final String MRZ_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<";
    private static final List<List<String>> ZONES = Arrays.asList(
            Arrays.asList(
                    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
            Arrays.asList(
                    "I<UTOD231458907<<<<<<<<<<<<<<<",
                    "7408122F1204159UTO<<<<<<<<<<<6",
                    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"),
            Arrays.asList("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"),
            Arrays.asList(
                    "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<"));
    private static final String ID = "11010119900307803X";

    @Test
    void mrzParserGivesADocumentOrADocumentException() {
        Map<String, Integer> out = Fuzz.run("MRZ", 9303, Fuzz.cases(4_000, 1_000_000), DocumentFuzzTest::mrzCase);
        assertThat(out.keySet()).contains("valid", "invalid", "MRZ_LAYOUT");
    }

    @Test
    void idCardTextGivesCardInfoOrADocumentException() {
        Map<String, Integer> out =
                Fuzz.run("ID card text", 11643, Fuzz.cases(4_000, 1_000_000), DocumentFuzzTest::idCase);
        assertThat(out.keySet()).contains("card", "CN_ID_CHECK_CHARACTER", "ID_CARD_TEXT");
    }

    static String mrzCase(Random r) {
        List<String> lines = new ArrayList<>(ZONES.get(r.nextInt(ZONES.size())));
        int kind = r.nextInt(10);
        if (kind == 0) {
            lines.clear();
            int n = r.nextInt(4);
            for (int i = 0; i < n; i++) {
                StringBuilder sb = new StringBuilder();
                int len = r.nextBoolean() ? new int[] {30, 36, 44}[r.nextInt(3)] : r.nextInt(50);
                for (int k = 0; k < len; k++) {
                    sb.append(r.nextInt(4) == 0 ? Fuzz.anyChar(r) : MRZ_CHARS.charAt(r.nextInt(MRZ_CHARS.length())));
                }
                lines.add(sb.toString());
            }
        } else if (kind < 9) {
            int ops = 1 + r.nextInt(3);
            for (int k = 0; k < ops; k++) {
                int i = r.nextInt(lines.size());
                switch (r.nextInt(6)) {
                    case 0:
                        lines.remove(i);
                        break;
                    case 1:
                        lines.add(i, lines.get(i));
                        break;
                    case 2:
                        lines.set(i, lines.get(i) + lines.get(i));
                        break;
                    case 3:
                        lines.set(i, Fuzz.mutate(lines.get(i), r, MRZ_CHARS));
                        break;
                    default:
                        lines.set(i, replaceInPlace(lines.get(i), r));
                }
                if (lines.isEmpty()) {
                    break;
                }
            }
            if (kind >= 6 && lines.size() == 2 && lines.get(1).length() == 44) {
                lines.set(1, fixTd3CheckDigits(lines.get(1)));
            }
        }
        MrzDocument d;
        try {
            d = r.nextInt(4) == 0
                    ? MrzParser.lenient().parse(String.join(r.nextBoolean() ? "\n" : "\r\n", lines))
                    : (r.nextBoolean() ? MrzParser.lenient() : MrzParser.strict()).parse(lines);
        } catch (DocumentException e) {
            assertThat(e.code()).isNotNull();
            return e.code().name();
        }
        assertThat(d.format()).isNotNull();
        assertThat(d.toString()).isNotNull();
        assertThat(d.lines()).isNotEmpty();
        d.documentCode();
        d.documentNumber();
        d.dateOfBirth();
        d.dateOfExpiry();
        d.checkDigits();
        assertThat(d.isValid()).isEqualTo(d.failingChecks().isEmpty());
        return d.isValid() ? "valid" : "invalid";
    }

    /** Length-preserving: a few characters replaced by MRZ characters or any character. */
    static String replaceInPlace(String l, Random r) {
        if (l.isEmpty()) {
            return l;
        }
        char[] c = l.toCharArray();
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
            c[r.nextInt(c.length)] =
                    r.nextInt(5) == 0 ? Fuzz.anyChar(r) : MRZ_CHARS.charAt(r.nextInt(MRZ_CHARS.length()));
        }
        return new String(c);
    }

    /** Recomputes the five check digits of a TD3 second line, so mutations reach the field parsing. */
    static String fixTd3CheckDigits(String l) {
        if (!l.chars().allMatch(c -> MRZ_CHARS.indexOf(c) >= 0)) {
            return l;
        }
        char[] c = l.toCharArray();
        c[9] = digit(l.substring(0, 9));
        c[19] = digit(l.substring(13, 19));
        c[27] = digit(l.substring(21, 27));
        c[42] = digit(l.substring(28, 42));
        String s = new String(c);
        c[43] = digit(s.substring(0, 10) + s.substring(13, 20) + s.substring(21, 43));
        return new String(c);
    }

    private static char digit(String s) {
        return (char) ('0' + MrzParser.checkDigit(s));
    }

    static String idCase(Random r) {
        String id = ID;
        if (r.nextInt(4) != 0) {
            id = Fuzz.mutate(id, r, "0123456789X");
            if (r.nextBoolean()
                    && id.length() == 18
                    && id.substring(0, 17).chars().allMatch(c -> c >= '0' && c <= '9')) {
                id = id.substring(0, 17) + ChineseIdNumber.checkCharacter(id.substring(0, 17)); // checksum-valid
            }
        }
        String[] f = {
            "张三",
            "1",
            "01",
            "19900307",
            "北京市东城区景山前街4号",
            id,
            "北京市公安局东城分局",
            "20200101",
            r.nextBoolean() ? "20400101" : "长期"
        };
        if (r.nextInt(3) == 0) {
            int i = r.nextInt(f.length);
            f[i] = Fuzz.mutate(f[i], r, "0123456789<长期");
        }
        try {
            ChineseIdNumber.upgradeLegacy(id.length() >= 17 ? id.substring(0, 6) + id.substring(8, 17) : id, TODAY);
        } catch (DocumentException e) {
            assertThat(e.code()).isNotNull();
        }
        byte[] block = IdCardText.encode(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8]);
        int kind = r.nextInt(8);
        if (kind == 0) {
            block = Fuzz.randomBytes(r, 300);
            if (r.nextBoolean()) {
                block = Arrays.copyOf(block, IdCardText.TEXT_LENGTH);
            }
        } else if (kind < 3) {
            block = Fuzz.mutate(block, r, List.of(block, ID.getBytes(StandardCharsets.UTF_16LE)));
        }
        try {
            IdCardInfo info = IdCardText.parse(block, r.nextBoolean() ? null : new byte[3], TODAY);
            assertThat(info.idNumber().number()).hasSize(18);
            info.name();
            info.birthDate();
            return "card";
        } catch (DocumentException e) {
            assertThat(e.code()).isNotNull();
            return e.code().name();
        }
    }
}
