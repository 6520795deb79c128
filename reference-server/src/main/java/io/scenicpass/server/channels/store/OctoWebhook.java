package io.scenicpass.server.channels.store;

import java.util.List;

/**
 * A webhook endpoint a reseller subscribed through {@code POST /octo/webhooks}: which event, where to, signed with its
 * own {@code secret}; {@code capabilities} as the subscribing request asked (they shape the payload, e.g. pricing).
 */
public record OctoWebhook(
        String id,
        String channelId,
        String event,
        String url,
        String secret,
        boolean retryOnError,
        boolean useContactLanguage,
        List<String> capabilities) {}
