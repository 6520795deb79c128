package io.scenicpass.core;

import io.scenicpass.core.internal.set.FingerprintTable;
import io.scenicpass.core.internal.set.Fingerprints;
import io.scenicpass.core.internal.set.SetFiles;
import io.scenicpass.core.wire.BlacklistDelta;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Base64;
import java.util.List;

/**
 * Blacklisted persons as holder bindings ({@link HolderBinding}), same mechanics as
 * {@link RevocationSet} plus removals. Bindings travel as base64url strings in {@link BlacklistDelta}.
 */
public final class Blacklist {
    private static final int MAGIC = 0x5350424C; // "SPBL"
    private final FingerprintTable table = new FingerprintTable();
    private volatile long sequence;

    private Blacklist() {}

    /** An empty blacklist at sequence 0. */
    public static Blacklist empty() {
        return new Blacklist();
    }

    /** True if the binding is blacklisted. Lock-free. */
    public boolean isBlacklisted(byte[] binding) {
        return binding != null && table.contains(Fingerprints.ofBytes(binding));
    }

    /** Sequence of the last applied delta. */
    public long sequence() {
        return sequence;
    }

    /** Number of blacklisted bindings. */
    public int size() {
        return table.size();
    }

    /** Applies a delta (same sequence rules as {@link RevocationSet#apply}); removals after additions. */
    public synchronized void apply(BlacklistDelta delta) {
        if (delta.toSequence() <= sequence) {
            return;
        }
        if (delta.fromSequence() != sequence) {
            throw new ScenicPassException(
                    ErrorCode.STALE_SEQUENCE,
                    "delta starts at " + delta.fromSequence() + " but the blacklist is at " + sequence);
        }
        long[] added = decode(delta.added());
        long[] removed = decode(delta.removed());
        for (long fp : added) {
            table.add(fp);
        }
        table.removeAll(removed);
        sequence = delta.toSequence();
    }

    private static long[] decode(List<String> bindings) {
        long[] out = new long[bindings.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Fingerprints.ofBytes(Base64.getUrlDecoder().decode(bindings.get(i)));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "binding is not base64url");
            }
        }
        return out;
    }

    /** The base64url form of a binding, as used in {@link BlacklistDelta}. */
    public static String encode(byte[] binding) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(binding);
    }

    /** Persists the blacklist (does not close the stream). */
    public synchronized void writeTo(OutputStream out) {
        SetFiles.write(out, MAGIC, sequence, table);
    }

    /** Reloads a persisted blacklist; MALFORMED if the data is not one. */
    public static Blacklist readFrom(InputStream in) {
        Blacklist b = new Blacklist();
        b.sequence = SetFiles.read(in, MAGIC, b.table);
        return b;
    }
}
