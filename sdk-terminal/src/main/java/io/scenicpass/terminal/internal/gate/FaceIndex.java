package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.FaceSeal;
import io.scenicpass.core.HolderBinding;
import io.scenicpass.core.Pass;
import io.scenicpass.core.PassCodec;
import io.scenicpass.core.ScenicPassException;
import io.scenicpass.core.wire.ManifestEntry;
import io.scenicpass.terminal.device.biometric.BiometricMatch;
import io.scenicpass.terminal.device.biometric.BiometricMatcher;
import io.scenicpass.terminal.device.biometric.BiometricModality;
import io.scenicpass.terminal.device.biometric.BiometricTemplate;
import io.scenicpass.terminal.state.GateState;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate's face candidates: the enrolled holders of valid passes, kept in the vendor's matcher. Templates come
 * sealed for this device in the manifest ({@link ManifestEntry#faceTemplates()}) or are captured here at a first
 * entry; a subject is out of the matcher while its pass is revoked or frozen (its blacklist entry) and leaves for
 * good when the pass leaves the manifest or expires, so 1:N never searches holders who could not enter. Subject ids are {@code face-<passId>}. Callers hold the gate's
 * decision lock.
 */
public final class FaceIndex {
    private static final Logger LOG = LoggerFactory.getLogger(FaceIndex.class);

    private final BiometricMatcher matcher;
    private final double threshold;
    private final FaceSeal seal;
    /** Every enrolled holder this gate knows, by subject; those of passes that could enter are in the matcher. */
    private final Map<String, Candidate> known = new HashMap<>();

    private final Set<String> inMatcher = new HashSet<>();
    private long seenCursor = -1;
    private long seenRevocations = -1;
    private long seenBlacklist = -1;
    private Instant nextExpiry = Instant.MAX;

    /** One enrolled holder: the pass, its text, until when it is valid, and the sealed template it came as. */
    private static final class Candidate {
        final String passText;
        final String passId;
        final Instant validUntil;
        final String sealed; // for this device, under the subject id (captured ones sealed here)
        final boolean fromManifest;

        Candidate(Pass pass, String sealed, boolean fromManifest) {
            this.passText = pass.text();
            this.passId = pass.claims().passId();
            this.validUntil = pass.claims().validUntil();
            this.sealed = sealed;
            this.fromManifest = fromManifest;
        }
    }

    /** A 1:N match: the pass of the best subject and its score. */
    public static final class Hit {
        public final String passText;
        public final double score;

        Hit(String passText, double score) {
            this.passText = passText;
            this.score = score;
        }
    }

    public FaceIndex(BiometricMatcher matcher, double threshold, FaceSeal seal) {
        if (matcher.modality() != BiometricModality.FACE) {
            throw new IllegalArgumentException("a face matcher is needed, got " + matcher.modality());
        }
        if (threshold <= 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in (0, 1]");
        }
        this.matcher = matcher;
        this.threshold = threshold;
        this.seal = seal;
    }

    /** @param passId a pass @return the face subject id of its holder */
    public static String subjectOf(String passId) {
        return "face-" + passId;
    }

    public double threshold() {
        return threshold;
    }

    /** @return the number of candidates (enrolled holders of valid passes) */
    public int size() {
        return inMatcher.size();
    }

    /**
     * Brings the candidates up to date with the manifest, the revocations, the blacklist (a frozen pass's entry) and
     * the time: only holders of passes that could enter are in the matcher; an unfrozen one comes back. Cheap when
     * nothing changed.
     */
    public void refresh(GateState state, Instant now) {
        boolean changed = false;
        if (state.manifest().cursor() != seenCursor) {
            fromManifest(state);
            changed = true;
        }
        long revoked = state.revocations().sequence();
        long blacklisted = state.blacklistSequence();
        if (!changed && revoked == seenRevocations && blacklisted == seenBlacklist && now.isBefore(nextExpiry)) {
            return;
        }
        seenRevocations = revoked;
        seenBlacklist = blacklisted;
        Instant next = Instant.MAX;
        for (Iterator<Map.Entry<String, Candidate>> it = known.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Candidate> e = it.next();
            Candidate c = e.getValue();
            if (!c.validUntil.isAfter(now)) {
                enrolled(e.getKey(), c, false);
                it.remove(); // ended: gone for good
                continue;
            }
            boolean frozen = state.revocations().isRevoked(c.passId)
                    || state.blacklist().isBlacklisted(HolderBinding.frozenPass(c.passId));
            enrolled(e.getKey(), c, !frozen);
            if (c.validUntil.isBefore(next)) {
                next = c.validUntil;
            }
        }
        nextExpiry = next;
    }

    /** Puts a subject into the vendor's matcher or takes it out. */
    private void enrolled(String subject, Candidate c, boolean in) {
        if (in && inMatcher.add(subject)) {
            try {
                matcher.enroll(subject, new BiometricTemplate(BiometricModality.FACE, seal.open(c.sealed, subject)));
            } catch (ScenicPassException | IllegalArgumentException ex) {
                inMatcher.remove(subject);
                LOG.warn("face template of pass {} not usable here ({})", c.passId, ex.getMessage());
            }
        } else if (!in && inMatcher.remove(subject)) {
            matcher.remove(subject);
        }
    }

    private void fromManifest(GateState state) {
        seenCursor = state.manifest().cursor();
        Set<String> listed = new HashSet<>();
        for (ManifestEntry e : state.manifest().entries()) {
            for (Map.Entry<String, String> t : e.faceTemplates().entrySet()) {
                listed.add(t.getKey());
                Candidate had = known.get(t.getKey());
                if (had != null && t.getValue().equals(had.sealed)) {
                    continue;
                }
                try {
                    known.put(t.getKey(), new Candidate(PassCodec.decode(e.passText()), t.getValue(), true));
                    if (had != null) {
                        enrolled(t.getKey(), had, false); // replaced: enrolled again from the new template
                    }
                } catch (ScenicPassException ex) {
                    LOG.warn("manifest entry {} holds an unreadable pass ({})", e.passId(), ex.code());
                }
            }
        }
        // a pass that left the manifest (ended, revoked, face removed) leaves the matcher; captured ones stay
        for (Iterator<Map.Entry<String, Candidate>> it = known.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Candidate> e = it.next();
            if (e.getValue().fromManifest && !listed.contains(e.getKey())) {
                enrolled(e.getKey(), e.getValue(), false);
                it.remove();
            }
        }
    }

    /** 1:N: the best candidate at or above the threshold. */
    public Optional<Hit> match(BiometricTemplate sample) {
        Optional<BiometricMatch> m = matcher.match(sample, threshold);
        if (!m.isPresent()) {
            return Optional.empty();
        }
        Candidate c =
                inMatcher.contains(m.get().subjectId()) ? known.get(m.get().subjectId()) : null;
        return c == null
                ? Optional.<Hit>empty()
                : Optional.of(new Hit(c.passText, m.get().score()));
    }

    /** 1:1: the score of a sample against the face enrolled for a pass; empty when the pass has none here. */
    public OptionalDouble verify(String passId, BiometricTemplate sample) {
        String subject = subjectOf(passId);
        return known.containsKey(subject) ? verifyKnown(subject, sample) : OptionalDouble.empty();
    }

    /** A frozen holder's face is not in the matcher: scored against the kept template all the same (1:1). */
    private OptionalDouble verifyKnown(String subject, BiometricTemplate sample) {
        if (!inMatcher.contains(subject)) {
            enrolled(subject, known.get(subject), true);
            try {
                return matcher.verify(subject, sample);
            } finally {
                enrolled(subject, known.get(subject), false);
            }
        }
        return matcher.verify(subject, sample);
    }

    /**
     * Enrolls a face captured at this gate with a pass (its first entry), so re-entry by face works here at once,
     * offline too; returns the template sealed for the server (context: the entry's event id).
     */
    public String capture(Pass pass, BiometricTemplate sample, String eventId) {
        String subject = subjectOf(pass.claims().passId());
        byte[] data = sample.data();
        Candidate c = new Candidate(pass, seal.seal(data, subject), false);
        known.put(subject, c);
        enrolled(subject, c, true);
        if (pass.claims().validUntil().isBefore(nextExpiry)) {
            nextExpiry = pass.claims().validUntil();
        }
        return seal.seal(data, eventId);
    }
}
