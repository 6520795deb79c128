package io.scenicpass.core;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.core.internal.text.Crockford;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The scope of a signing key the issuer delegated to a device (a box office selling while the cloud is down): which
 * device holds it, the products it may sign passes for, the visit window those passes must lie in, and how many passes
 * it may sign. The key's own validity ({@link PublicKeyEntry#validFrom()}..{@link PublicKeyEntry#validUntil()}) is the
 * delegation's notBefore..notAfter. A revoked delegation carries when it was revoked and the passes it still honours:
 * those the issuer had received (synced sales) by then, which stay valid while the key's other passes are refused.
 *
 * <p>The number of passes is enforced by their ids: the n-th pass of a delegated key has the pass id
 * {@link #passId(String, int)} (the key id's 4 bytes, then n), so every gate refuses a pass beyond maxPasses without
 * talking to other gates, and a second pass with the same id is the same pass to the entry rules.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class Delegation {
    private final String deviceId;
    private final List<String> productIds;
    private final Instant visitFrom;
    private final Instant visitUntil;
    private final int maxPasses;
    private final Instant revokedAt;

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    private final List<String> honoured;

    @JsonCreator
    private Delegation(
            @JsonProperty("deviceId") String deviceId,
            @JsonProperty("productIds") List<String> productIds,
            @JsonProperty("visitFrom") Instant visitFrom,
            @JsonProperty("visitUntil") Instant visitUntil,
            @JsonProperty("maxPasses") int maxPasses,
            @JsonProperty("revokedAt") Instant revokedAt,
            @JsonProperty("honoured") List<String> honoured) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.productIds =
                Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(productIds, "productIds")));
        this.visitFrom = Objects.requireNonNull(visitFrom, "visitFrom");
        this.visitUntil = Objects.requireNonNull(visitUntil, "visitUntil");
        this.maxPasses = maxPasses;
        this.revokedAt = revokedAt;
        this.honoured = honoured == null
                ? Collections.<String>emptyList()
                : Collections.unmodifiableList(new ArrayList<>(honoured));
        if (this.productIds.isEmpty() || !visitUntil.isAfter(visitFrom) || maxPasses < 1) {
            throw new IllegalArgumentException("a delegation needs products, a visit window and maxPasses >= 1");
        }
    }

    /**
     * A delegation to {@code deviceId}: passes for {@code productIds} whose validity lies in [visitFrom, visitUntil),
     * at most {@code maxPasses} of them.
     */
    public static Delegation of(
            String deviceId, List<String> productIds, Instant visitFrom, Instant visitUntil, int maxPasses) {
        return new Delegation(deviceId, productIds, visitFrom, visitUntil, maxPasses, null, null);
    }

    /** The device holding the private key. */
    public String deviceId() {
        return deviceId;
    }

    /** The products its passes may be for. */
    public List<String> productIds() {
        return productIds;
    }

    /** Earliest validFrom of its passes (start of the first visit date in the park's zone). */
    public Instant visitFrom() {
        return visitFrom;
    }

    /** Latest validUntil of its passes, exclusive (end of the last visit date). */
    public Instant visitUntil() {
        return visitUntil;
    }

    /** How many passes it may sign: serials 1..maxPasses. */
    public int maxPasses() {
        return maxPasses;
    }

    /** When the issuer revoked it, if it did: every pass the key signed is refused from then on. */
    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(revokedAt);
    }

    /** The pass ids a revoked delegation still honours (empty while in force). */
    public List<String> honoured() {
        return honoured;
    }

    /** A copy revoked at {@code at}, honouring no pass. */
    public Delegation revoked(Instant at) {
        return revoked(at, Collections.<String>emptyList());
    }

    /** A copy revoked at {@code at} that still honours the passes {@code honouredPassIds} (the synced ones). */
    public Delegation revoked(Instant at, List<String> honouredPassIds) {
        return new Delegation(
                deviceId, productIds, visitFrom, visitUntil, maxPasses, Objects.requireNonNull(at), honouredPassIds);
    }

    /** Whether {@code passId} is refused because the delegation was revoked. */
    public boolean refusesAsRevoked(String passId) {
        return revokedAt != null && !honoured.contains(passId);
    }

    /**
     * Why {@code claims} (codes resolved) are outside this delegation of key {@code keyId}, or empty when inside:
     * the pass id is not one of its serials, the product is not delegated, or the validity leaves the visit window.
     */
    public Optional<String> outOfScope(String keyId, Claims claims) {
        int serial = serial(keyId, claims.passId());
        if (serial < 1 || serial > maxPasses) {
            return Optional.of("pass id " + claims.passId() + " is not one of the key's " + maxPasses + " passes");
        }
        if (!productIds.contains(claims.productId())) {
            return Optional.of("product " + claims.productId() + " is not delegated");
        }
        if (claims.validFrom().isBefore(visitFrom) || claims.validUntil().isAfter(visitUntil)) {
            return Optional.of("validity " + claims.validFrom() + ".." + claims.validUntil() + " is outside the visit"
                    + " window " + visitFrom + ".." + visitUntil);
        }
        return Optional.empty();
    }

    /** The pass id of the {@code serial}-th pass (1..2^31-1) of the delegated key {@code keyId} (8 hex characters). */
    public static String passId(String keyId, int serial) {
        if (serial < 1) {
            throw new IllegalArgumentException("serial must be >= 1");
        }
        return Crockford.encode64(((long) kid(keyId) << 32) | serial);
    }

    /** The serial of {@code passId} under key {@code keyId}, or -1 when it is not such an id. */
    public static int serial(String keyId, String passId) {
        if (!Ids.isCompactPassId(passId)) {
            return -1;
        }
        long v = Crockford.decode64(passId);
        long serial = v & 0xFFFFFFFFL;
        return (int) (v >>> 32) == kid(keyId) && serial <= Integer.MAX_VALUE ? (int) serial : -1;
    }

    private static int kid(String keyId) {
        if (keyId == null || keyId.length() != 8) {
            throw new IllegalArgumentException("a delegated key id has 8 hex characters");
        }
        return Integer.parseUnsignedInt(keyId, 16);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Delegation)) {
            return false;
        }
        Delegation d = (Delegation) o;
        return deviceId.equals(d.deviceId)
                && productIds.equals(d.productIds)
                && visitFrom.equals(d.visitFrom)
                && visitUntil.equals(d.visitUntil)
                && maxPasses == d.maxPasses
                && Objects.equals(revokedAt, d.revokedAt)
                && honoured.equals(d.honoured);
    }

    @Override
    public int hashCode() {
        return Objects.hash(deviceId, productIds, visitFrom, visitUntil, maxPasses, revokedAt, honoured);
    }

    @Override
    public String toString() {
        return "Delegation{device=" + deviceId + ", products=" + productIds + ", visits=" + visitFrom + ".."
                + visitUntil + ", maxPasses=" + maxPasses
                + (revokedAt == null ? "" : ", revokedAt=" + revokedAt + ", honoured=" + honoured.size()) + "}";
    }
}
