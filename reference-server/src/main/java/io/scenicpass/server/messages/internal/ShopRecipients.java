package io.scenicpass.server.messages.internal;

import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.messages.Recipients;
import io.scenicpass.server.shop.account.store.ShopVisitorStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** The shop's accounts as recipients: the address decrypted as the shop's sign-in stored it, the account's language. */
public final class ShopRecipients implements Recipients {
    private final ShopVisitorStore visitors = new ShopVisitorStore();
    private final IdentityKeys keys;

    public ShopRecipients(IdentityKeys keys) {
        this.keys = keys;
    }

    @Override
    public Optional<Recipient> of(Connection c, long visitorId) throws SQLException {
        return visitors.byId(c, visitorId)
                .map(r -> new Recipient(keys.decrypt(r.contactEnc(), "shop_visitor:" + r.addressHash()), r.lang()));
    }
}
