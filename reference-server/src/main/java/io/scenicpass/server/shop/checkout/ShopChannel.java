package io.scenicpass.server.shop.checkout;

import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.OwnChannel;
import io.scenicpass.server.channels.store.Channel;

/**
 * The channel {@code shop} every order of the visitors' own shop is a booking of (its own prices may be set like any
 * channel's; the default prices apply otherwise). Created at start and on first use when missing.
 */
public final class ShopChannel {
    /** The channel's id. */
    public static final String ID = "shop";

    private final OwnChannel channel;

    ShopChannel(ChannelService channels) {
        this.channel = new OwnChannel(channels, ID, "官网商城 Shop (visitors' own site)");
    }

    /** The channel, created when missing (a second node creating it at the same time is fine). */
    public Channel get() {
        return channel.get();
    }
}
