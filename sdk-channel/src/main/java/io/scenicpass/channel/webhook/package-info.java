/** Verifying ScenicPass webhook deliveries: {@link io.scenicpass.channel.webhook.WebhookVerifier}. */
package io.scenicpass.channel.webhook;
