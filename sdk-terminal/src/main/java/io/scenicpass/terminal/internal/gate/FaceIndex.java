package io.scenicpass.terminal.internal.gate;

import io.scenicpass.core.FaceSeal;
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
 * entry; a subject leaves the matcher when its pass leaves the manifest, is revoked (frozen) or expires, so 1:N
 * never searches holders who could not enter. Subject ids are {@code face-<passId>}. Callers hold the gate's
 * decision lock.
 */
public final class FaceIndex {
    private static final Logger LOG = LoggerFactory.getLogger(FaceIndex.class);

    private final BiometricMatcher matcher;
    private final double threshold;
    private final FaceSeal seal;
    private final Map<String, Candidate> bySubject = new HashMap<>();
    private long seenCursor = -1;
    private long seenRevocations = -1;
    private Instant nextExpiry = Instant.MAX;

    /** One enrolled holder: the pass, its text, until when it is valid, and the sealed template it came as. */
    private static final class Candidate {
        final String passText;
        final String passId;
        final Instant validUntil;
        final String sealed; // null when captured at this gate

        Candidate(Pass pass, String sealed) {
            this.passText = pass.text();
            this.passId = pass.claims().passId();
            this.validUntil = pass.claims().validUntil();
            this.sealed = sealed;
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
        return bySubject.size();
    }

    /** Brings the candidates up to date with the manifest, the revocations and the time (cheap when unchanged). */
    public void refresh(GateState state, Instant now) {
        if (state.manifest().cursor() != seenCursor) {
            fromManifest(state);
        }
        long revoked = state.revocations().sequence();
        if (revoked != seenRevocations || !now.isBefore(nextExpiry)) {
            seenRevocations = revoked;
            Instant next = Instant.MAX;
            for (Iterator<Map.Entry<String, Candidate>> it =
                            bySubject.entrySet().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, Candidate> e = it.next();
                Candidate c = e.getValue();
                if (!c.validUntil.isAfter(now) || state.revocations().isRevoked(c.passId)) {
                    matcher.remove(e.getKey());
                    it.remove();
                } else if (c.validUntil.isBefore(next)) {
                    next = c.validUntil;
                }
            }
            nextExpiry = next;
        }
    }

    private void fromManifest(GateState state) {
        seenCursor = state.manifest().cursor();
        Set<String> listed = new HashSet<>();
        for (ManifestEntry e : state.manifest().entries()) {
            for (Map.Entry<String, String> t : e.faceTemplates().entrySet()) {
                listed.add(t.getKey());
                Candidate known = bySubject.get(t.getKey());
                if (known != null && t.getValue().equals(known.sealed)) {
                    continue;
                }
                try {
                    Pass pass = PassCodec.decode(e.passText());
                    byte[] template = seal.open(t.getValue(), t.getKey());
                    matcher.enroll(t.getKey(), new BiometricTemplate(BiometricModality.FACE, template));
                    bySubject.put(t.getKey(), new Candidate(pass, t.getValue()));
                    nextExpiry = nextExpiry.isAfter(pass.claims().validUntil())
                            ? pass.claims().validUntil()
                            : nextExpiry;
                } catch (ScenicPassException | IllegalArgumentException ex) {
                    LOG.warn("face template of pass {} not usable here ({})", e.passId(), ex.getMessage());
                }
            }
        }
        // a pass that left the manifest (ended, frozen, face removed) leaves the matcher; captured ones stay
        for (Iterator<Map.Entry<String, Candidate>> it = bySubject.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Candidate> e = it.next();
            if (e.getValue().sealed != null && !listed.contains(e.getKey())) {
                matcher.remove(e.getKey());
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
        Candidate c = bySubject.get(m.get().subjectId());
        return c == null
                ? Optional.<Hit>empty()
                : Optional.of(new Hit(c.passText, m.get().score()));
    }

    /** 1:1: the score of a sample against the face enrolled for a pass; empty when the pass has none here. */
    public OptionalDouble verify(String passId, BiometricTemplate sample) {
        String subject = subjectOf(passId);
        return bySubject.containsKey(subject) ? matcher.verify(subject, sample) : OptionalDouble.empty();
    }

    /**
     * Enrolls a face captured at this gate with a pass (its first entry), so re-entry by face works here at once,
     * offline too; returns the template sealed for the server (context: the entry's event id).
     */
    public String capture(Pass pass, BiometricTemplate sample, String eventId) {
        String subject = subjectOf(pass.claims().passId());
        byte[] data = sample.data();
        matcher.enroll(subject, new BiometricTemplate(BiometricModality.FACE, data));
        bySubject.put(subject, new Candidate(pass, null));
        if (pass.claims().validUntil().isBefore(nextExpiry)) {
            nextExpiry = pass.claims().validUntil();
        }
        return seal.seal(data, eventId);
    }
}
