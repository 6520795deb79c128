package io.scenicpass.server.channels;

import io.scenicpass.server.Platform;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.channels.store.OctoWebhookStore;
import io.scenicpass.server.channels.store.OutboxStore;
import io.scenicpass.server.cluster.Jobs;
import java.time.Duration;

/** The resellers: channels and their API keys, and the webhooks the server sends them (an outbox). */
public final class ChannelsModule {
    public final ChannelService channels;
    public final WebhookService webhooks;
    /** The endpoints resellers subscribe through OCTO ({@code /octo/webhooks}). */
    public final OctoWebhooks subscriptions;

    /** {@code targets}: where webhooks may be sent (public http(s) addresses unless the operator opted in). */
    public ChannelsModule(Platform p, WebhookTargets targets) {
        ChannelStore store = new ChannelStore();
        channels = new ChannelService(p.db(), store, p.clock(), p.random(), targets);
        subscriptions = new OctoWebhooks(p.db(), new OctoWebhookStore(), targets, p.ids(), p.clock(), p.random());
        webhooks = new WebhookService(p.db(), new OutboxStore(), store, p.ids(), p.clock(), targets, subscriptions);
        p.metrics().gauge("scenicpass.outbox.depth", "channel webhooks waiting for delivery", webhooks::pending);
    }

    /** Webhook delivery runs on every node: outbox rows are claimed with FOR UPDATE SKIP LOCKED. */
    public void jobs(Jobs jobs) {
        jobs.everyNode("webhooks", Duration.ofSeconds(1), webhooks::deliverDue);
    }
}
