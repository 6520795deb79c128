package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * On any input the decoder returns a pass or a ScenicPassException; nothing else escapes, and a mutated
 * pass that still verifies carries exactly the claims of a genuinely issued sample. Fast run in the suite; the long run
 * (at least 1,000,000 inputs) with {@code -Dscenicpass.long=true} or {@code mvn -Plong}.
 */
class DecoderPropertiesTest {
    static final String BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:";
    static final Instant NOW = Instant.parse("2026-07-01T10:00:00Z");
    static final List<Pass> SAMPLES = new ArrayList<>();
    static final PassVerifier VERIFIER;

    static {
        IssuerKey key = PassSamples.key();
        PassIssuer issuer = new PassIssuer(key);
        for (Claims c : PassSamples.all().values()) {
            SAMPLES.add(issuer.issue(c));
        }
        VERIFIER = new PassVerifier(KeySet.of(1, NOW, Collections.singletonList(
                key.toPublicEntry(NOW.minusSeconds(86400), NOW.plusSeconds(86400 * 400), KeyStatus.ACTIVE))));
    }

    /** The outcome of one input: "pass", "verified" or the error code; throws anything else. */
    static String check(byte[] raw, Claims original) {
        Pass p;
        try {
            p = PassCodec.decode(raw);
        } catch (ScenicPassException e) {
            assertThat(e.code()).isNotNull();
            return e.code().name();
        }
        assertThat(PassCodec.decode(p.text()).claims()).isEqualTo(p.claims());
        try {
            VERIFIER.verify(p, NOW);
        } catch (ScenicPassException e) {
            return e.code().name();
        }
        if (original != null) {
            // a mutation may splice in another whole sample (same key): still never a forged claim set
            assertThat(PassSamples.all().values()).contains(p.claims());
        }
        return "verified";
    }

    static String checkText(String text) {
        try {
            Pass p = PassCodec.decode(text);
            VERIFIER.verify(p, NOW);
            return "verified";
        } catch (ScenicPassException e) {
            return e.code().name();
        }
    }

    /** A random mutation of a valid pass (bit flips, byte changes, truncation, insertion, splicing). */
    static byte[] mutate(byte[] base, Random r) {
        byte[] b = base.clone();
        int ops = 1 + r.nextInt(3);
        for (int k = 0; k < ops; k++) {
            int pos = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0: b[pos] ^= (byte) (1 << r.nextInt(8)); break;
                case 1: b[pos] = (byte) r.nextInt(256); break;
                case 2: b = java.util.Arrays.copyOf(b, Math.max(1, pos)); break;
                case 3: {
                    byte[] n = new byte[b.length + 1];
                    System.arraycopy(b, 0, n, 0, pos);
                    n[pos] = (byte) r.nextInt(256);
                    System.arraycopy(b, pos, n, pos + 1, b.length - pos);
                    b = n;
                    break;
                }
                case 4: {
                    byte[] other = SAMPLES.get(r.nextInt(SAMPLES.size())).encoded();
                    int from = r.nextInt(other.length);
                    int len = Math.min(other.length - from, b.length - pos);
                    System.arraycopy(other, from, b, pos, len);
                    break;
                }
                default: b[pos] = (byte) new int[] {0x00, 0x17, 0x18, 0x1b, 0x3b, 0x5f, 0x7f, 0x9f, 0xbf, 0xd2, 0xf5, 0xf6, 0xff}[r.nextInt(13)];
            }
        }
        return b;
    }

    static String randomText(Random r) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "SP1" : "");
        int len = r.nextInt(260);
        boolean alphabet = r.nextInt(4) != 0;
        for (int i = 0; i < len; i++) {
            sb.append(alphabet ? BASE45.charAt(r.nextInt(45)) : (char) r.nextInt(0x3000));
        }
        return sb.toString();
    }

    @Property(tries = 3000)
    void randomBytesGiveAPassOrATypedError(@ForAll @Size(max = 400) byte[] raw) {
        check(raw, null);
    }

    @Property(tries = 3000)
    void randomStringsGiveAPassOrATypedError(@ForAll("texts") String text) {
        checkText(text);
    }

    @Property(tries = 3000)
    void mutatedPassesGiveTheirClaimsOrATypedError(@ForAll("samples") int sample, @ForAll long seed) {
        Random r = new Random(seed);
        Pass p = SAMPLES.get(sample);
        check(mutate(p.encoded(), r), p.claims());
        String t = p.text();
        char[] c = t.toCharArray();
        c[r.nextInt(c.length)] = BASE45.charAt(r.nextInt(45));
        checkText(new String(c));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> base45 = Arbitraries.strings().withChars(BASE45.toCharArray()).ofMaxLength(300);
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), base45, base45.map(s -> "SP1" + s),
                base45.map(s -> " SP1" + s + "\n"));
    }

    @Provide
    Arbitrary<Integer> samples() {
        return Arbitraries.integers().between(0, SAMPLES.size() - 1);
    }

    @Test
    void unmutatedSamplesVerify() {
        for (Pass p : SAMPLES) {
            assertThat(check(p.encoded(), p.claims())).isEqualTo("verified");
        }
    }

    /** The long run: 1,200,000 inputs (400k random byte strings, 400k texts, 400k mutations). */
    @Test
    void longRun() {
        Assumptions.assumeTrue("true".equals(System.getProperty("scenicpass.long")),
                "long run disabled (enable with -Dscenicpass.long=true or -Plong)");
        Random r = new Random(20261124L);
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        long started = System.nanoTime();
        int n = 400_000;
        for (int i = 0; i < n; i++) {
            byte[] raw = new byte[r.nextInt(300)];
            r.nextBytes(raw);
            if (raw.length > 0 && r.nextBoolean()) {
                raw[0] = (byte) (r.nextBoolean() ? 0x84 : 0xD2);
            }
            outcomes.merge("bytes:" + check(raw, null), 1, Integer::sum);
            outcomes.merge("text:" + checkText(randomText(r)), 1, Integer::sum);
            Pass p = SAMPLES.get(r.nextInt(SAMPLES.size()));
            outcomes.merge("mutation:" + check(mutate(p.encoded(), r), p.claims()), 1, Integer::sum);
        }
        System.out.println("LONG RUN: " + (3 * n) + " inputs in " + (System.nanoTime() - started) / 1_000_000
                + " ms, no escape; outcomes " + outcomes);
    }
}
