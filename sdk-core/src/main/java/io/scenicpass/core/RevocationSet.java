package io.scenicpass.core;

import io.scenicpass.core.internal.set.FingerprintTable;
import io.scenicpass.core.internal.set.Fingerprints;
import io.scenicpass.core.internal.set.SetFiles;
import io.scenicpass.core.wire.RevocationDelta;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Revoked pass ids, as 64-bit fingerprints in an open-addressing table (a compact pass id is its own
 * fingerprint, so lookups of compact ids are exact). Revocation is permanent. Many concurrent readers,
 * one writer ({@link #apply} is synchronized). Budget: 1,000,000 ids in at most 16 MB, lookup at most
 * 0.3 µs (see docs/benchmarks.md).
 */
public final class RevocationSet {
    private static final int MAGIC = 0x53505256; // "SPRV"
    private final FingerprintTable table = new FingerprintTable();
    private volatile long sequence;

    private RevocationSet() {}

    /** An empty set at sequence 0. */
    public static RevocationSet empty() {
        return new RevocationSet();
    }

    /** True if the pass id is revoked. Lock-free. */
    public boolean isRevoked(String passId) {
        return passId != null && table.contains(Fingerprints.ofPassId(passId));
    }

    /** The sequence number of the last applied delta. */
    public long sequence() {
        return sequence;
    }

    /** Number of revoked ids. */
    public int size() {
        return table.size();
    }

    /**
     * Applies a delta. A delta ending at or before {@link #sequence()} was already applied (no-op);
     * otherwise it must start exactly at {@link #sequence()} (else STALE_SEQUENCE).
     */
    public synchronized void apply(RevocationDelta delta) {
        if (delta.toSequence() <= sequence) {
            return;
        }
        if (delta.fromSequence() != sequence) {
            throw new ScenicPassException(
                    ErrorCode.STALE_SEQUENCE,
                    "delta starts at " + delta.fromSequence() + " but the set is at " + sequence);
        }
        for (String id : delta.revokedPassIds()) {
            if (id == null || id.isEmpty()) {
                throw new ScenicPassException(ErrorCode.MALFORMED, "empty pass id in revocation delta");
            }
        }
        table.ensureCapacity(table.size() + delta.revokedPassIds().size());
        for (String id : delta.revokedPassIds()) {
            table.add(Fingerprints.ofPassId(id));
        }
        sequence = delta.toSequence();
    }

    /** Persists the set (does not close the stream). */
    public synchronized void writeTo(OutputStream out) {
        SetFiles.write(out, MAGIC, sequence, table);
    }

    /** Reloads a persisted set; MALFORMED if the data is not one. */
    public static RevocationSet readFrom(InputStream in) {
        RevocationSet set = new RevocationSet();
        set.sequence = SetFiles.read(in, MAGIC, set.table);
        return set;
    }

    /** Slots allocated (memory is 8 bytes per slot). */
    public int capacity() {
        return table.capacity();
    }
}
