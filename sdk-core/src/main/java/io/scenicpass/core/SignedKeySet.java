package io.scenicpass.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.internal.crypto.Crypto;
import io.scenicpass.core.wire.WireJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A key set signed by the root key. JSON: {@code {"rootKeyId", "keySet", "signature"}} where
 * {@code keySet} is the base64url of the exact KeySet JSON bytes that were signed (Ed25519) and
 * {@code signature} the base64url signature. Signing bytes, not re-serialised JSON, avoids JSON
 * canonicalisation.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SignedKeySet {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final String rootKeyId;
    private final String keySet;
    private final String signature;

    @JsonCreator
    private SignedKeySet(
            @JsonProperty("rootKeyId") String rootKeyId,
            @JsonProperty("keySet") String keySet,
            @JsonProperty("signature") String signature) {
        this.rootKeyId = rootKeyId;
        this.keySet = keySet;
        this.signature = signature;
    }

    static SignedKeySet create(KeySet set, IssuerKey root) {
        byte[] body;
        try {
            body = WireJson.mapper().writeValueAsBytes(set);
        } catch (Exception e) {
            throw new IllegalStateException("cannot serialise key set", e);
        }
        return new SignedKeySet(root.keyId(), B64.encodeToString(body), B64.encodeToString(root.sign(body)));
    }

    /** The key id of the root key that signed. */
    public String rootKeyId() {
        return rootKeyId;
    }

    /** JSON form. */
    public String toJson() {
        try {
            return WireJson.mapper().writeValueAsString(this);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses the JSON form (signature not checked yet); BAD_KEY_SET if malformed. */
    public static SignedKeySet fromJson(String json) {
        try {
            SignedKeySet s = WireJson.mapper().readValue(json, SignedKeySet.class);
            if (s == null || s.rootKeyId == null || s.keySet == null || s.signature == null) {
                throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "signed key set is incomplete");
            }
            return s;
        } catch (ScenicPassException e) {
            throw e;
        } catch (Exception e) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "signed key set is not valid JSON");
        }
    }

    /**
     * Verifies the signature with the pinned root public key and returns the key set.
     *
     * @throws ScenicPassException BAD_KEY_SET on a wrong signature, another root, or malformed content
     */
    public KeySet verify(byte[] pinnedRootPublicKey) {
        if (pinnedRootPublicKey == null || pinnedRootPublicKey.length != 32) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "pinned root key must be 32 bytes");
        }
        if (!Crypto.keyId(pinnedRootPublicKey).equals(rootKeyId)) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "key set signed by another root key");
        }
        byte[] body;
        byte[] sig;
        try {
            body = Base64.getUrlDecoder().decode(keySet);
            sig = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "key set is not base64url");
        }
        if (!Crypto.verifyEd25519(Crypto.ed25519(pinnedRootPublicKey), body, sig)) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "key set signature does not verify");
        }
        try {
            KeySet set = WireJson.mapper().readValue(new String(body, StandardCharsets.UTF_8), KeySet.class);
            if (set == null) {
                throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "empty key set");
            }
            return set;
        } catch (ScenicPassException e) {
            throw e;
        } catch (Exception e) {
            throw new ScenicPassException(ErrorCode.BAD_KEY_SET, "key set content is malformed");
        }
    }

    /**
     * Like {@link #verify(byte[])} and also refuses a set older than {@code currentSequence}
     * (STALE_SEQUENCE), so a gate never rolls back to a set that still trusts a compromised key.
     */
    public KeySet verify(byte[] pinnedRootPublicKey, long currentSequence) {
        KeySet set = verify(pinnedRootPublicKey);
        if (set.sequence() < currentSequence) {
            throw new ScenicPassException(
                    ErrorCode.STALE_SEQUENCE, "key set " + set.sequence() + " is older than " + currentSequence);
        }
        return set;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SignedKeySet)) {
            return false;
        }
        SignedKeySet s = (SignedKeySet) o;
        return Objects.equals(rootKeyId, s.rootKeyId)
                && Objects.equals(keySet, s.keySet)
                && Objects.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new Object[] {rootKeyId, keySet, signature});
    }
}
