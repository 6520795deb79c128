package io.scenicpass.server.shop.checkout;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;

/**
 * The channel {@code shop} every order of the visitors' own shop is a booking of (its own prices may be set like any
 * channel's; the default prices apply otherwise). Created at start and on first use when missing.
 */
public final class ShopChannel {
    /** The channel's id. */
    public static final String ID = "shop";

    private final ChannelService channels;
    private volatile Channel channel;

    ShopChannel(ChannelService channels) {
        this.channels = channels;
    }

    /** The channel, created when missing (a second node creating it at the same time is fine). */
    public Channel get() {
        Channel ch = channel;
        if (ch == null) {
            ch = channels.find(ID).orElseGet(() -> {
                try {
                    return channels.create(
                            new Channel(ID, "官网商城 Shop (visitors' own site)", "DIRECT", null, null, 1000, 1000, true));
                } catch (ServiceException e) { // created meanwhile by another node
                    return channels.find(ID).orElseThrow(() -> e);
                }
            });
            channel = ch;
        }
        return ch;
    }
}
