/** Resellers: channels, their API keys and rate limits, the webhook outbox and where webhooks may be sent; built by {@link io.scenicpass.server.channels.ChannelsModule}. */
package io.scenicpass.server.channels;
