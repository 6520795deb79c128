package io.scenicpass.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.internal.crypto.Crypto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The public keys a gate trusts, with a sequence number; signed by the root key ({@link #sign}).
 * Key ids are unique and, for EdDSA keys, must match the public key.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class KeySet {
    private final long sequence;
    private final Instant issuedAt;
    private final List<PublicKeyEntry> keys;

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private final Map<String, Map<String, String>> codes;

    @JsonIgnore
    private final PassCodes book;

    @JsonCreator
    private KeySet(
            @JsonProperty("sequence") long sequence,
            @JsonProperty("issuedAt") Instant issuedAt,
            @JsonProperty("keys") List<PublicKeyEntry> keys,
            @JsonProperty("codes") Map<String, Map<String, String>> codes) {
        this.sequence = sequence;
        this.book = PassCodes.of(codes);
        this.codes = book.toWire();
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.keys = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(keys, "keys")));
        Set<String> ids = new HashSet<>();
        for (PublicKeyEntry k : this.keys) {
            if (!ids.add(k.keyId())) {
                throw new IllegalArgumentException("duplicate key id " + k.keyId());
            }
            if (!k.keyId().equals(Crypto.keyId(k.publicKey()))) {
                throw new IllegalArgumentException("key id " + k.keyId() + " does not match its public key");
            }
        }
    }

    /**
     * A key set.
     *
     * @throws IllegalArgumentException on duplicate key ids or a key id that does not match its key
     */
    public static KeySet of(long sequence, Instant issuedAt, List<PublicKeyEntry> keys) {
        return new KeySet(sequence, issuedAt, keys, null);
    }

    /**
     * A key set that also carries the issuer's pass codes, so whoever can verify a pass can also read its ids
     * (older readers ignore the field: unknown JSON properties are ignored).
     */
    public static KeySet of(long sequence, Instant issuedAt, List<PublicKeyEntry> keys, PassCodes codes) {
        return new KeySet(sequence, issuedAt, keys, codes.toWire());
    }

    /** Sequence number; a gate never goes back to a lower one. */
    public long sequence() {
        return sequence;
    }

    /** When the set was made. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The keys. */
    public List<PublicKeyEntry> keys() {
        return keys;
    }

    /** The issuer's pass codes ({@link PassCodes#NONE} when the set carries none). */
    public PassCodes codes() {
        return book;
    }

    /** The key with this id. */
    public Optional<PublicKeyEntry> find(String keyId) {
        for (PublicKeyEntry k : keys) {
            if (k.keyId().equals(keyId)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The issuer's ACTIVE key valid at {@code now} (latest validFrom wins; keys delegated to devices never are). */
    public Optional<PublicKeyEntry> active(Instant now) {
        PublicKeyEntry best = null;
        for (PublicKeyEntry k : keys) {
            if (k.status() == KeyStatus.ACTIVE
                    && !k.delegation().isPresent()
                    && !now.isBefore(k.validFrom())
                    && now.isBefore(k.validUntil())
                    && (best == null || k.validFrom().isAfter(best.validFrom()))) {
                best = k;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Signs this set with the root key. */
    public SignedKeySet sign(IssuerKey root) {
        return SignedKeySet.create(this, root);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeySet)) {
            return false;
        }
        KeySet s = (KeySet) o;
        return sequence == s.sequence && issuedAt.equals(s.issuedAt) && keys.equals(s.keys) && codes.equals(s.codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, issuedAt, keys, codes);
    }

    @Override
    public String toString() {
        return "KeySet{sequence=" + sequence + ", issuedAt=" + issuedAt + ", keys=" + keys + ", codes=" + codes + "}";
    }
}
