package io.scenicpass.server.counter;

import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.OwnChannel;
import io.scenicpass.server.channels.store.Channel;

/**
 * The channel {@code counter} every counter sale is a booking of (its own prices may be set like any channel's; the
 * default prices apply otherwise). Created on first use when the operator or the demo has not made it.
 */
public final class CounterChannel {
    /** The channel's id. */
    public static final String ID = "counter";

    private final OwnChannel channel;

    CounterChannel(ChannelService channels) {
        this.channel = new OwnChannel(channels, ID, "售票处 Counter (kiosks, box office)");
    }

    /** The channel, created when missing (a second node creating it at the same time is fine). */
    public Channel get() {
        return channel.get();
    }
}
