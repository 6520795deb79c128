package io.scenicpass.server.identity.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.server.identity.MaskedIdentity;

/**
 * An OCTO unit item with the ScenicPass extension {@code identity}: the visitor's document, masked. The sdk-channel
 * model has no such field; this subclass adds it to the answer without changing the model.
 */
public final class IdentifiedUnitItem extends UnitItem {
    @JsonProperty("identity")
    private final MaskedIdentity identity;

    private IdentifiedUnitItem(MaskedIdentity identity) {
        this.identity = identity;
    }

    /** A unit item showing {@code identity}, or a plain one when it is null. */
    public static UnitItem of(MaskedIdentity identity) {
        return identity == null ? new UnitItem() : new IdentifiedUnitItem(identity);
    }

    public MaskedIdentity identity() {
        return identity;
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && java.util.Objects.equals(identity, ((IdentifiedUnitItem) o).identity);
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + java.util.Objects.hashCode(identity);
    }
}
