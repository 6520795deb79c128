package io.scenicpass.server.channels;

import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.OutboxStore;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.function.Predicate;

/**
 * The shape of outbound messages for resellers that do not take ScenicPass's signed webhook events (an adapter's
 * OTA, see {@code io.scenicpass.server.adapters}): the outbox, its retries and its leases stay one implementation.
 */
public interface WebhookFormat {
    /** How to deliver {@code m} to {@code channel} at {@code target}; null when the channel is not this format's. */
    Delivery delivery(Channel channel, OutboxStore.Message m, URI target);

    /**
     * The request to send (null: nothing to send for this message, it counts as delivered) and whether the answer's
     * body (of a 2xx) means the receiver accepted it.
     */
    record Delivery(HttpRequest request, Predicate<String> accepted) {
        public static final Delivery NOTHING = new Delivery(null, body -> true);
    }
}
