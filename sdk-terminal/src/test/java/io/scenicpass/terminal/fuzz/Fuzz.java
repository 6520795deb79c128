package io.scenicpass.terminal.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A small fuzzing harness for the parser tests: reproducible cases (each case has its own seed, printed on
 * failure), random and mutated inputs, and a hang detector — cases run in chunks, each chunk under
 * {@code assertTimeoutPreemptively}. The default run is a few thousand cases; {@code -Plong}
 * ({@code scenicpass.long=true}) runs the long size.
 */
public final class Fuzz {
    /** Cases per chunk; a chunk that overruns {@link #CHUNK_LIMIT} is a hang. */
    public static final int CHUNK = 5_000;
    /** Time limit of one chunk (generous: the machine is shared; a hang overruns it by far). */
    public static final Duration CHUNK_LIMIT = Duration.ofSeconds(60);
    /** Bytes worth planting: zero, maxima, sign bits, CBOR/ASCII structure bytes. */
    private static final int[] INTERESTING = {
        0x00, 0x01, 0x7F, 0x80, 0xFF, 0xFE, 0x0D, 0x0A, 0x20, 0x3C, 0xAA, 0x96, 0x69, 0x90, 0x9F, 0xC0, 0xD1, 0x10
    };

    private Fuzz() {}

    /** One fuzz case: gets its own random source, returns an outcome label (counted), throws on a bug. */
    public interface Case {
        String run(Random random) throws Exception;
    }

    /** Whether the long profile is on. */
    public static boolean longRun() {
        return "true".equals(System.getProperty("scenicpass.long"));
    }

    /** {@code normal} cases, or {@code long} under {@code -Plong}. */
    public static int cases(int normal, int longSize) {
        return longRun() ? longSize : normal;
    }

    /**
     * Runs {@code n} cases; returns the outcome counts. A case that throws fails the run with its case seed
     * (rerun that one case with {@code new Random(seed)}); a chunk that overruns the limit fails as a hang.
     */
    public static Map<String, Integer> run(String name, long seed, int n, Case c) {
        Map<String, Integer> outcomes = new TreeMap<>();
        long started = System.nanoTime();
        for (int from = 0; from < n; from += CHUNK) {
            int start = from;
            int end = Math.min(n, from + CHUNK);
            assertTimeoutPreemptively(
                    CHUNK_LIMIT,
                    () -> {
                        for (int i = start; i < end; i++) {
                            long caseSeed = seed * 1_000_003L + i;
                            String outcome;
                            try {
                                outcome = c.run(new Random(caseSeed));
                            } catch (Throwable t) {
                                throw new AssertionError(
                                        name + ": case " + i + " (seed " + caseSeed + ") escaped with " + t, t);
                            }
                            outcomes.merge(outcome, 1, Integer::sum);
                        }
                    },
                    () -> name + ": a chunk of " + (end - start) + " cases from case " + start + " overran "
                            + CHUNK_LIMIT + " (hang)");
        }
        System.out.println("FUZZ " + name + ": " + n + " cases in " + (System.nanoTime() - started) / 1_000_000
                + " ms, nothing escaped; outcomes " + outcomes);
        return outcomes;
    }

    /** Random bytes, up to {@code max} long. */
    public static byte[] randomBytes(Random r, int max) {
        byte[] b = new byte[r.nextInt(max + 1)];
        r.nextBytes(b);
        return b;
    }

    /**
     * One to four mutations of a valid input: bit flips, byte changes, interesting bytes, truncation,
     * insertion, deletion, duplication of a slice, splicing in part of another valid input, swapping halves.
     */
    public static byte[] mutate(byte[] base, Random r, List<byte[]> donors) {
        byte[] b = base.clone();
        int ops = 1 + r.nextInt(4);
        for (int k = 0; k < ops; k++) {
            if (b.length == 0) {
                b = new byte[] {(byte) r.nextInt(256)};
                continue;
            }
            int pos = r.nextInt(b.length);
            switch (r.nextInt(9)) {
                case 0:
                    b[pos] ^= (byte) (1 << r.nextInt(8));
                    break;
                case 1:
                    b[pos] = (byte) r.nextInt(256);
                    break;
                case 2:
                    b[pos] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
                    break;
                case 3:
                    b = Arrays.copyOf(b, pos);
                    break;
                case 4:
                    b = splice(b, pos, pos, randomBytes(r, 8));
                    break;
                case 5:
                    b = splice(b, pos, Math.min(b.length, pos + 1 + r.nextInt(8)), new byte[0]);
                    break;
                case 6: {
                    int end = Math.min(b.length, pos + 1 + r.nextInt(32));
                    b = splice(b, end, end, Arrays.copyOfRange(b, pos, end));
                    break;
                }
                case 7: {
                    byte[] other = donors.get(r.nextInt(donors.size()));
                    if (other.length > 0) {
                        int from = r.nextInt(other.length);
                        byte[] part = Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + r.nextInt(64)));
                        b = splice(b, pos, Math.min(b.length, pos + part.length), part);
                    }
                    break;
                }
                default: {
                    byte[] head = Arrays.copyOf(b, pos);
                    byte[] tail = Arrays.copyOfRange(b, pos, b.length);
                    b = splice(tail, tail.length, tail.length, head);
                }
            }
        }
        return b;
    }

    /** {@code b[0..from) + insert + b[to..)}. */
    public static byte[] splice(byte[] b, int from, int to, byte[] insert) {
        byte[] out = new byte[from + insert.length + b.length - to];
        System.arraycopy(b, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(b, to, out, from + insert.length, b.length - to);
        return out;
    }

    /** Character-level mutations of a text: replace with a character of {@code alphabet} or any char, drop, insert, duplicate, truncate. */
    public static String mutate(String s, Random r, String alphabet) {
        StringBuilder b = new StringBuilder(s);
        int ops = 1 + r.nextInt(3);
        for (int k = 0; k < ops; k++) {
            if (b.length() == 0) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
                continue;
            }
            int pos = r.nextInt(b.length());
            switch (r.nextInt(7)) {
                case 0:
                    b.setCharAt(pos, alphabet.charAt(r.nextInt(alphabet.length())));
                    break;
                case 1:
                    b.setCharAt(pos, anyChar(r));
                    break;
                case 2:
                    b.deleteCharAt(pos);
                    break;
                case 3:
                    b.insert(pos, alphabet.charAt(r.nextInt(alphabet.length())));
                    break;
                case 4:
                    b.insert(pos, b.substring(pos, Math.min(b.length(), pos + 1 + r.nextInt(10))));
                    break;
                case 5:
                    b.setLength(pos);
                    break;
                default:
                    b.setCharAt(pos, Character.toLowerCase(b.charAt(pos)));
            }
        }
        return b.toString();
    }

    /** Any char, biased towards control characters, lone surrogates and the edges of the BMP. */
    public static char anyChar(Random r) {
        switch (r.nextInt(5)) {
            case 0:
                return (char) r.nextInt(0x20);
            case 1:
                return (char) (0xD800 + r.nextInt(0x800));
            case 2:
                return (char) (0xFFF0 + r.nextInt(16));
            default:
                return (char) r.nextInt(0x10000);
        }
    }
}
