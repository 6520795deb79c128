package io.scenicpass.terminal.state;

import io.scenicpass.core.ErrorCode;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.wire.ManifestDelta;
import io.scenicpass.core.wire.ManifestEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The day's passes by holder: the local index that turns an ID card, passport, NFC card UID or enrolled
 * face/palm subject into the passes of that person. Fed by manifest deltas from the server.
 *
 * <p>Thread-safe: readers see a consistent snapshot; {@link #apply} replaces it.
 */
public final class Manifest implements ManifestView {
    private volatile Snapshot snapshot = new Snapshot(0, Collections.emptyMap());

    private static final class Snapshot {
        final long cursor;
        final Map<String, ManifestEntry> byPass;
        final Map<String, List<String>> byBinding = new HashMap<>();
        final Map<String, List<String>> byCard = new HashMap<>();
        final Map<String, List<String>> bySubject = new HashMap<>();

        Snapshot(long cursor, Map<String, ManifestEntry> byPass) {
            this.cursor = cursor;
            this.byPass = byPass;
            for (ManifestEntry e : byPass.values()) {
                index(byBinding, e.holderBindings(), e.passId(), false);
                index(byCard, e.cardUids(), e.passId(), true);
                index(bySubject, e.biometricSubjects(), e.passId(), false);
            }
        }

        private static void index(
                Map<String, List<String>> map, Collection<String> keys, String passId, boolean normalise) {
            if (keys == null) {
                return;
            }
            for (String k : keys) {
                map.computeIfAbsent(normalise ? normaliseUid(k) : k, x -> new ArrayList<>())
                        .add(passId);
            }
        }
    }

    /**
     * @param uid a card UID in hex, with or without separators
     * @return upper-case hex without separators
     */
    public static String normaliseUid(String uid) {
        return uid.replaceAll("[^0-9A-Fa-f]", "").toUpperCase(java.util.Locale.ROOT);
    }

    /** @return the cursor of the last applied delta (0 = nothing yet) */
    @Override
    public long cursor() {
        return snapshot.cursor;
    }

    /** @return number of passes in the manifest */
    @Override
    public int size() {
        return snapshot.byPass.size();
    }

    /** @return every entry (a copy) */
    @Override
    public List<ManifestEntry> entries() {
        return new ArrayList<>(snapshot.byPass.values());
    }

    /** @param passId a pass id @return its entry */
    @Override
    public Optional<ManifestEntry> entry(String passId) {
        return Optional.ofNullable(snapshot.byPass.get(passId));
    }

    /** @param binding a holder binding (16 bytes) @return entries of that person's passes */
    @Override
    public List<ManifestEntry> byHolderBinding(byte[] binding) {
        Snapshot s = snapshot;
        return resolve(
                s, s.byBinding.get(Base64.getUrlEncoder().withoutPadding().encodeToString(binding)));
    }

    /** @param uid the card UID (hex) @return entries of passes tied to that card */
    @Override
    public List<ManifestEntry> byCardUid(String uid) {
        Snapshot s = snapshot;
        return resolve(s, s.byCard.get(normaliseUid(uid)));
    }

    /** @param subjectId a biometric subject id @return entries of that subject's passes */
    @Override
    public List<ManifestEntry> byBiometricSubject(String subjectId) {
        Snapshot s = snapshot;
        return resolve(s, s.bySubject.get(subjectId));
    }

    private static List<ManifestEntry> resolve(Snapshot s, List<String> ids) {
        if (ids == null) {
            return Collections.emptyList();
        }
        List<ManifestEntry> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            ManifestEntry e = s.byPass.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Applies a delta. A delta already applied (its end cursor is not beyond ours) is a no-op.
     *
     * @param delta the delta
     * @return whether anything changed
     * @throws ScenicPassException STALE_SEQUENCE when the delta starts after our cursor (a gap)
     */
    public synchronized boolean apply(ManifestDelta delta) {
        Snapshot s = snapshot;
        if (delta.toCursor() <= s.cursor && s.cursor != 0) {
            return false;
        }
        if (delta.fromCursor() > s.cursor) {
            throw new ScenicPassException(
                    ErrorCode.STALE_SEQUENCE,
                    "manifest delta starts at " + delta.fromCursor() + " but local cursor is " + s.cursor);
        }
        Map<String, ManifestEntry> next = new HashMap<>(s.byPass);
        if (delta.removedPassIds() != null) {
            for (String id : delta.removedPassIds()) {
                next.remove(id);
            }
        }
        if (delta.upserts() != null) {
            for (ManifestEntry e : delta.upserts()) {
                next.put(e.passId(), e);
            }
        }
        snapshot = new Snapshot(delta.toCursor(), next);
        return true;
    }

    /**
     * Replaces the whole content (used when loading a snapshot).
     *
     * @param cursor the cursor
     * @param entries the entries
     */
    synchronized void replace(long cursor, Collection<ManifestEntry> entries) {
        Map<String, ManifestEntry> m = new HashMap<>();
        for (ManifestEntry e : entries) {
            m.put(e.passId(), e);
        }
        snapshot = new Snapshot(cursor, m);
    }

    /** @return pass ids currently indexed (for tests and status) */
    @Override
    public Set<String> passIds() {
        return Collections.unmodifiableSet(snapshot.byPass.keySet());
    }
}
