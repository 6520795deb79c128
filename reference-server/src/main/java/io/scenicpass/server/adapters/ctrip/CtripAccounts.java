package io.scenicpass.server.adapters.ctrip;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.adapters.ctrip.store.CtripAccountStore;
import io.scenicpass.server.channels.ChannelService;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.db.Database;
import java.util.Optional;

/**
 * Which channel a Ctrip account id is. The shared signing key is the channel's webhook secret and Ctrip's notice
 * address its webhook URL, so they are stored, checked and changed like every channel's (ChannelService).
 */
public final class CtripAccounts {
    private final Database db;
    private final CtripAccountStore store;
    private final ChannelService channels;

    public CtripAccounts(Database db, CtripAccountStore store, ChannelService channels) {
        this.db = db;
        this.store = store;
        this.channels = channels;
    }

    /** The active channel of a Ctrip account id with its key, or {@link CtripCode#UNKNOWN_ACCOUNT}. */
    public Channel channel(String accountId) {
        Optional<Channel> ch = db.read(c -> store.channelOf(c, accountId)).flatMap(channels::find);
        if (ch.isEmpty()
                || !ch.get().active()
                || ch.get().webhookSecret() == null
                || ch.get().webhookSecret().isEmpty()) {
            throw new CtripException(CtripCode.UNKNOWN_ACCOUNT, "unknown account " + accountId);
        }
        return ch.get();
    }

    /** The Ctrip account id of a channel, if it is a Ctrip channel. */
    public Optional<String> accountOf(String channelId) {
        return db.read(c -> store.accountOf(c, channelId));
    }

    /** Makes a channel Ctrip's: its account id, the shared key and (optional) Ctrip's notice address. */
    public void configure(String channelId, String accountId, String signKey, String noticeUrl) {
        if (accountId == null || !accountId.matches("[A-Za-z0-9_.@-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "accountId must be 1-64 of [A-Za-z0-9_.@-]");
        }
        if (signKey == null || signKey.length() < 8 || signKey.length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, "signKey must be 8-200 characters");
        }
        Optional<String> owner = db.read(c -> store.channelOf(c, accountId));
        if (owner.isPresent() && !owner.get().equals(channelId)) {
            throw new ServiceException(Problem.CONFLICT, "accountId belongs to another channel", owner.get());
        }
        Channel old = channels.find(channelId)
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", channelId));
        channels.update(new Channel(
                old.id(), old.name(), old.kind(), noticeUrl, signKey, old.ratePerSecond(), old.burst(), old.active()));
        db.tx(c -> {
            store.put(c, accountId, channelId);
            return null;
        });
    }
}
