package io.scenicpass.server.channels;

import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;

/**
 * A channel the park sells through itself (the counter, the shop): a DIRECT channel with a fixed id, created on first
 * use when the operator or the demo has not made it (a second node creating it at the same time is fine).
 */
public final class OwnChannel {
    private final ChannelService channels;
    private final String id;
    private final String name;
    private volatile Channel channel;

    public OwnChannel(ChannelService channels, String id, String name) {
        this.channels = channels;
        this.id = id;
        this.name = name;
    }

    /** The channel, created when missing. */
    public Channel get() {
        Channel ch = channel;
        if (ch == null) {
            ch = channels.find(id).orElseGet(() -> {
                try {
                    return channels.create(new Channel(id, name, "DIRECT", null, null, 1000, 1000, true));
                } catch (ServiceException e) { // created meanwhile by another node
                    return channels.find(id).orElseThrow(() -> e);
                }
            });
            channel = ch;
        }
        return ch;
    }
}
