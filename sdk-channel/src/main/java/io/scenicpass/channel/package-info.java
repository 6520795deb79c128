/**
 * The ScenicPass channel SDK for OTAs and travel agencies: {@link io.scenicpass.channel.ChannelClient} (built by
 * {@link io.scenicpass.channel.ChannelClient#builder()}) calls the OCTO v1 API with retries that never double-book
 * and typed {@link io.scenicpass.channel.ChannelException}s. The wire model is in
 * {@code io.scenicpass.channel.model}; webhook verification in {@code io.scenicpass.channel.webhook}.
 */
package io.scenicpass.channel;
