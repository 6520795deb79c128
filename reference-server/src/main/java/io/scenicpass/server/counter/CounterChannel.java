package io.scenicpass.server.counter;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;

/**
 * The channel {@code counter} every counter sale is a booking of (its own prices may be set like any channel's; the
 * default prices apply otherwise). Created on first use when the operator or the demo has not made it.
 */
public final class CounterChannel {
    /** The channel's id. */
    public static final String ID = "counter";

    private final ChannelService channels;
    private volatile Channel channel;

    CounterChannel(ChannelService channels) {
        this.channels = channels;
    }

    /** The channel, created when missing (a second node creating it at the same time is fine). */
    public Channel get() {
        Channel ch = channel;
        if (ch == null) {
            ch = channels.find(ID).orElseGet(() -> {
                try {
                    return channels.create(new Channel(
                            ID, "售票处 Counter (kiosks, box office)", "DIRECT", null, null, 1000, 1000, true));
                } catch (ServiceException e) { // created meanwhile by another node
                    return channels.find(ID).orElseThrow(() -> e);
                }
            });
            channel = ch;
        }
        return ch;
    }
}
