package io.scenicpass.core;

import io.scenicpass.core.internal.crypto.Crypto;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/**
 * Verifies passes against a key set: the key must be known (UNKNOWN_KEY), not compromised
 * (KEY_COMPROMISED), within its validity if retired or past its end (KEY_RETIRED), of the pass's
 * algorithm, and the signature must verify (BAD_SIGNATURE). A key delegated to a device ({@link Delegation}) must not be
 * revoked (KEY_REVOKED), must be used within its notBefore..notAfter (DELEGATION_EXPIRED), and its pass must lie in the
 * delegation's scope (DELEGATION_OUT_OF_SCOPE). The validity window of the pass itself is
 * the gate's business ({@link Claims#isValidAt}). Thread-safe; build a new verifier for a new key set.
 */
public final class PassVerifier {
    private final KeySet keys;
    private final Map<String, Object> verifiers = new HashMap<>();

    /** A verifier over {@code keys}. */
    public PassVerifier(KeySet keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        for (PublicKeyEntry e : keys.keys()) {
            try {
                switch (e.algorithm()) {
                    case EDDSA:
                        verifiers.put(e.keyId(), Crypto.ed25519(e.publicKey()));
                        break;
                    case ES256:
                        verifiers.put(e.keyId(), Crypto.publicKey("EC", e.publicKey()));
                        break;
                    default:
                        verifiers.put(e.keyId(), Crypto.publicKey("RSA", e.publicKey()));
                        break;
                }
            } catch (ScenicPassException ex) {
                // an unusable key is treated as unknown
            }
        }
    }

    /** The key set. */
    public KeySet keySet() {
        return keys;
    }

    /** Checks key and signature; returns the same pass. */
    public Pass verify(Pass pass, Instant now) {
        PublicKeyEntry entry = keys.find(pass.keyId())
                .or(() -> byPrefix(pass))
                .orElseThrow(() -> new ScenicPassException(
                        ErrorCode.UNKNOWN_KEY, "key " + pass.keyId() + " is not in the key set"));
        Delegation delegation = entry.delegation().orElse(null);
        if (delegation != null) {
            usable(entry, delegation, pass.claims().passId(), now);
        }
        // a revoked delegation is COMPROMISED for older gates; it decided above which of its passes it still honours
        if (entry.status() == KeyStatus.COMPROMISED
                && (delegation == null || !delegation.revokedAt().isPresent())) {
            throw new ScenicPassException(ErrorCode.KEY_COMPROMISED, "key " + entry.keyId() + " is compromised");
        }
        if (!now.isBefore(entry.validUntil())) {
            throw new ScenicPassException(
                    ErrorCode.KEY_RETIRED, "key " + entry.keyId() + " expired at " + entry.validUntil());
        }
        Object verifier = verifiers.get(entry.keyId());
        if (verifier == null) {
            throw new ScenicPassException(ErrorCode.UNKNOWN_KEY, "key " + entry.keyId() + " is unusable");
        }
        if (entry.algorithm() != pass.algorithm()) {
            throw new ScenicPassException(ErrorCode.BAD_SIGNATURE, "algorithm does not match the key");
        }
        if (!signedBy(pass, verifier)) {
            throw new ScenicPassException(ErrorCode.BAD_SIGNATURE);
        }
        if (delegation != null) {
            Claims resolved = keys.codes().resolve(pass.claims());
            delegation.outOfScope(entry.keyId(), resolved).ifPresent(why -> {
                throw new ScenicPassException(ErrorCode.DELEGATION_OUT_OF_SCOPE, why);
            });
        }
        return pass;
    }

    /**
     * A delegated key signs passes gates accept only within notBefore..notAfter and, once revoked, only the passes the
     * revocation honours (its status is then COMPROMISED, for gates that do not read delegations).
     */
    private static void usable(PublicKeyEntry entry, Delegation delegation, String passId, Instant now) {
        if (delegation.refusesAsRevoked(passId)) {
            throw new ScenicPassException(
                    ErrorCode.KEY_REVOKED,
                    "delegated key " + entry.keyId() + " was revoked at "
                            + delegation.revokedAt().get());
        }
        if (now.isBefore(entry.validFrom()) || !now.isBefore(entry.validUntil())) {
            throw new ScenicPassException(
                    ErrorCode.DELEGATION_EXPIRED,
                    "delegated key " + entry.keyId() + " is valid " + entry.validFrom() + ".." + entry.validUntil());
        }
    }

    /**
     * A short kid (1..3 bytes, §1 of docs/protocol.md) names the keys whose id starts with it: the one key,
     * or of several the one whose signature verifies (else the first, to be refused by the checks above).
     */
    private Optional<PublicKeyEntry> byPrefix(Pass pass) {
        if (pass.keyId().length() >= 8) {
            return Optional.empty();
        }
        List<PublicKeyEntry> candidates = new ArrayList<>();
        for (PublicKeyEntry e : keys.keys()) {
            if (e.keyId().startsWith(pass.keyId())) {
                candidates.add(e);
            }
        }
        for (PublicKeyEntry e : candidates) {
            Object v = verifiers.get(e.keyId());
            if (candidates.size() > 1 && v != null && e.algorithm() == pass.algorithm() && signedBy(pass, v)) {
                return Optional.of(e);
            }
        }
        return candidates.stream().findFirst();
    }

    private static boolean signedBy(Pass pass, Object verifier) {
        if (verifier instanceof Ed25519PublicKeyParameters) {
            return Crypto.verifyEd25519(
                    (Ed25519PublicKeyParameters) verifier,
                    pass.cose().toBeSigned(new byte[0]),
                    pass.cose().signature());
        }
        return pass.cose().verify((PublicKey) verifier);
    }

    /** Decodes the QR text and verifies it. */
    public Pass decodeAndVerify(String text, Instant now) {
        return verify(PassCodec.decode(text), now);
    }

    /** Decodes raw bytes and verifies them. */
    public Pass decodeAndVerify(byte[] raw, Instant now) {
        return verify(PassCodec.decode(raw), now);
    }
}
