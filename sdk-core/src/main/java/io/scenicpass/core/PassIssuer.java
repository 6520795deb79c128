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

    /** An issuer signing with {@code key}. */
    public PassIssuer(IssuerKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.protectedHeader = CoseSign1.protectedHeader(Algorithm.EDDSA.coseValue(), Hex.decode(key.keyId()));
    }

    /** Signs the claims. */
    public Pass issue(Claims claims) {
        byte[] payload = ClaimsCodec.encode(claims);
        byte[] raw = CoseSign1.signEd25519(key, protectedHeader, Collections.emptyMap(), payload, false);
        return new Pass(claims, key.keyId(), Algorithm.EDDSA, raw, CoseSign1.decode(raw));
    }

    /** The key id passes are signed with. */
    public String keyId() {
        return key.keyId();
    }
}
