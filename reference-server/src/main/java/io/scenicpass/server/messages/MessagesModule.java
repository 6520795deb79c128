package io.scenicpass.server.messages;

import io.scenicpass.server.Platform;
import io.scenicpass.server.identity.IdentityKeys;
import io.scenicpass.server.messages.store.MessageStore;
import java.util.function.Supplier;

/** Messages to shop visitors: the outbox API ({@link #messages}), delivery by email and SMS, the visitor's choices. */
public final class MessagesModule {
    public final VisitorMessages messages;

    /** {@code baseUrl}: the server's address as visitors reach it (the links in the messages). */
    public MessagesModule(Platform p, IdentityKeys keys, Supplier<String> baseUrl) {
        MessageStore store = new MessageStore();
        messages = new VisitorMessages(p.db(), store, keys, p.json(), p.ids(), p.clock());
    }
}
