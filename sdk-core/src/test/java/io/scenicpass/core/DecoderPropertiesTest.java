package io.scenicpass.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

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
    static final IssuerKey KEY = PassSamples.key();
    static final byte[] PROTECTED = io.scenicpass.core.cose.CoseSign1.protectedHeader(
            Algorithm.EDDSA.coseValue(), io.scenicpass.core.internal.text.Hex.decode(KEY.keyId()));

    static {
        IssuerKey key = KEY;
        PassIssuer issuer = new PassIssuer(key);
        for (Claims c : PassSamples.all().values()) {
            SAMPLES.add(issuer.issue(c));
        }
        VERIFIER = new PassVerifier(KeySet.of(
                1,
                NOW,
                Collections.singletonList(
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

    /**
     * A CBOR length-field lie: a byte string, text string, array or map header gets another length (short, long,
     * an 8-byte length or indefinite), the content left as it was.
     */
    static byte[] lieAboutLength(byte[] b, Random r) {
        for (int tries = 0; tries < 16; tries++) {
            int pos = r.nextInt(b.length);
            int major = (b[pos] & 0xFF) >>> 5;
            if (major >= 2 && major <= 5) {
                int info = new int[] {r.nextInt(24), 24, 25, 26, 27, 31, 0}[r.nextInt(7)];
                b[pos] = (byte) ((major << 5) | info);
                return b;
            }
        }
        return b;
    }

    /**
     * Checksum-valid garbage: a mutated claims payload signed with the genuine key (tagged or not), so the
     * garbage passes the signature check and reaches the claim validation of the verifier.
     */
    static byte[] signedGarbage(Random r) {
        Pass p = SAMPLES.get(r.nextInt(SAMPLES.size()));
        byte[] payload = io.scenicpass.core.cose.CoseSign1.decode(p.encoded()).payload();
        byte[] mutated = r.nextInt(8) == 0 ? randomBytes(r, 200) : mutate(payload, r);
        return io.scenicpass.core.cose.CoseSign1.signEd25519(
                KEY, PROTECTED, Collections.emptyMap(), mutated, r.nextInt(4) == 0);
    }

    static byte[] randomBytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /**
     * A random mutation of a valid pass (bit flips, byte changes, truncation, insertion, splicing, CBOR length
     * lies, duplicated slices, interesting bytes).
     */
    static byte[] mutate(byte[] base, Random r) {
        byte[] b = base.clone();
        int ops = 1 + r.nextInt(3);
        for (int k = 0; k < ops; k++) {
            int pos = r.nextInt(b.length);
            switch (r.nextInt(8)) {
                case 0:
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1:
                    b[pos] = (byte) r.nextInt(256);
                    break;
                case 2:
                    b = java.util.Arrays.copyOf(b, Math.max(1, pos));
                    break;
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
                case 5:
                    b = lieAboutLength(b, r);
                    break;
                case 6: {
                    int end = Math.min(b.length, pos + 1 + r.nextInt(24));
                    byte[] n = new byte[b.length + end - pos];
                    System.arraycopy(b, 0, n, 0, end);
                    System.arraycopy(b, pos, n, end, b.length - pos);
                    b = n;
                    break;
                }
                default:
                    b[pos] = (byte)
                            new int[] {0x00, 0x17, 0x18, 0x1b, 0x3b, 0x5f, 0x7f, 0x9f, 0xbf, 0xd2, 0xf5, 0xf6, 0xff}
                                    [r.nextInt(13)];
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

    @Property(tries = 2000)
    void signedGarbageGivesAPassOrATypedError(@ForAll long seed) {
        check(signedGarbage(new Random(seed)), null);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> base45 =
                Arbitraries.strings().withChars(BASE45.toCharArray()).ofMaxLength(300);
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                base45,
                base45.map(s -> "SP1" + s),
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

    /**
     * The long run: 1,400,000 inputs (400k random byte strings, 400k texts, 400k mutations, 200k signed garbage),
     * in chunks of 20,000 each under a preemptive time limit (a hang fails the run).
     */
    @Test
    void longRun() {
        Assumptions.assumeTrue(
                "true".equals(System.getProperty("scenicpass.long")),
                "long run disabled (enable with -Dscenicpass.long=true or -Plong)");
        Random r = new Random(20261124L);
        java.util.Map<String, Integer> outcomes = new java.util.TreeMap<>();
        long started = System.nanoTime();
        int n = 400_000;
        int chunk = 10_000;
        for (int from = 0; from < n; from += chunk) {
            int end = from + chunk;
            String where = "chunk from " + from;
            assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(120),
                    () -> {
                        for (int i = end - chunk; i < end; i++) {
                            byte[] raw = new byte[r.nextInt(300)];
                            r.nextBytes(raw);
                            if (raw.length > 0 && r.nextBoolean()) {
                                raw[0] = (byte) (r.nextBoolean() ? 0x84 : 0xD2);
                            }
                            outcomes.merge("bytes:" + check(raw, null), 1, Integer::sum);
                            outcomes.merge("text:" + checkText(randomText(r)), 1, Integer::sum);
                            Pass p = SAMPLES.get(r.nextInt(SAMPLES.size()));
                            outcomes.merge("mutation:" + check(mutate(p.encoded(), r), p.claims()), 1, Integer::sum);
                            if ((i & 1) == 0) {
                                outcomes.merge("signed-garbage:" + check(signedGarbage(r), null), 1, Integer::sum);
                            }
                        }
                    },
                    () -> "hang: " + where + " overran 120 s");
        }
        int total = 3 * n + n / 2;
        assertThat(total).isGreaterThanOrEqualTo(1_000_000);
        System.out.println("LONG RUN: " + total + " inputs in " + (System.nanoTime() - started) / 1_000_000
                + " ms, no escape; outcomes " + outcomes);
    }
}
