package io.scenicpass.core.wire;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * How gates treat the passes of one product (real-name tickets, issue #14): whether the QR must come with the
 * holder's ID document, and what a concession pass needs when no document is shown. Sent in
 * {@link DeviceConfig#productPolicies()}; a gate that does not know it ignores it.
 */
@JsonAutoDetect(
        fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class ProductGatePolicy {
    /** Child policy: a document must prove the age or match the holder (the default). */
    public static final String DOCUMENT = "DOCUMENT";
    /** Child policy: without a document, staff at an attended lane confirm the age (journaled as such). */
    public static final String ATTENDED = "ATTENDED";

    private final boolean idWithPass;
    private final String childPolicy;

    /** All fields, both optional: null means false and {@value #DOCUMENT}. */
    @JsonCreator
    public ProductGatePolicy(
            @JsonProperty("idWithPass") Boolean idWithPass, @JsonProperty("childPolicy") String childPolicy) {
        this.idWithPass = Boolean.TRUE.equals(idWithPass);
        this.childPolicy = childPolicy == null ? DOCUMENT : childPolicy;
    }

    /** The pass alone does not open the gate: QR (or NFC) and the holder's ID document must both be shown and match. */
    public boolean idWithPass() {
        return idWithPass;
    }

    /** {@value #DOCUMENT} or {@value #ATTENDED}: what a concession pass needs when no document is shown. */
    public String childPolicy() {
        return childPolicy;
    }

    /** Whether staff at an attended lane may confirm a concession holder's age without a document. */
    public boolean attended() {
        return ATTENDED.equalsIgnoreCase(childPolicy);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProductGatePolicy)) {
            return false;
        }
        ProductGatePolicy x = (ProductGatePolicy) o;
        return idWithPass == x.idWithPass && Objects.equals(childPolicy, x.childPolicy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(idWithPass, childPolicy);
    }

    @Override
    public String toString() {
        return "ProductGatePolicy{idWithPass=" + idWithPass + ", childPolicy=" + childPolicy + "}";
    }
}
