package io.scenicpass.core;

import io.scenicpass.core.cose.CoseSign1;
import io.scenicpass.core.internal.cbor.ClaimsCodec;
import io.scenicpass.core.internal.text.Hex;
import java.util.Collections;
import java.util.Objects;

/**
 * Issues passes: COSE_Sign1, untagged, protected header {1: -8 (EdDSA), 4: kid}, empty unprotected
 * header, the claims map as payload. Ed25519 is deterministic, so equal claims and key give equal bytes.
 */
public final class PassIssuer {
    private final IssuerKey key;
    private final byte[] protectedHeader;

    private final String kidHex;

    /** An issuer signing with {@code key}; the pass carries the full 4-byte key id. */
    public PassIssuer(IssuerKey key) {
        this(key, 4);
    }

    /**
     * An issuer whose passes carry only the first {@code kidBytes} (1..4) bytes of the key id: each byte
     * left out saves 1.5 QR characters. Verifiers find the key by prefix and let the signature decide
     * between keys sharing it; older gates (exact key id look-up) answer UNKNOWN_KEY to such a pass.
     */
    public PassIssuer(IssuerKey key, int kidBytes) {
        this.key = Objects.requireNonNull(key, "key");
        if (kidBytes < 1 || kidBytes > 4) {
            throw new IllegalArgumentException("kidBytes must be 1..4");
        }
        this.kidHex = key.keyId().substring(0, kidBytes * 2);
        this.protectedHeader = CoseSign1.protectedHeader(Algorithm.EDDSA.coseValue(), Hex.decode(kidHex));
    }

    /** Signs the claims. */
    public Pass issue(Claims claims) {
        byte[] payload = ClaimsCodec.encode(claims);
        byte[] raw = CoseSign1.signEd25519(key, protectedHeader, Collections.emptyMap(), payload, false);
        return new Pass(claims, kidHex, Algorithm.EDDSA, raw, CoseSign1.decode(raw));
    }

    /** The key id passes are signed with. */
    public String keyId() {
        return key.keyId();
    }
}
