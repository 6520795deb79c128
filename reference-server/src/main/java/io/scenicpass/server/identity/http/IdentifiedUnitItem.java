package io.scenicpass.server.identity.http;

import io.scenicpass.channel.model.Identity;
import io.scenicpass.channel.model.UnitItem;
import io.scenicpass.server.identity.MaskedIdentity;

/**
 * An OCTO unit item showing the ScenicPass extension {@code identity}: the visitor's document, masked, in the
 * sdk-channel model's typed field ({@link UnitItem#getIdentity()}), so clients read what the server writes.
 */
public final class IdentifiedUnitItem {
    private IdentifiedUnitItem() {}

    /** A unit item showing {@code identity}, or a plain one when it is null. */
    public static UnitItem of(MaskedIdentity identity) {
        UnitItem item = new UnitItem();
        return identity == null
                ? item
                : item.identity(new Identity()
                        .type(identity.type())
                        .number(identity.number())
                        .name(identity.name())
                        .country(identity.country()));
    }
}
