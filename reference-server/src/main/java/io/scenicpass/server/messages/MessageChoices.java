package io.scenicpass.server.messages;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.messages.internal.UnsubscribeTokens;
import io.scenicpass.server.messages.store.MessageStore;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a visitor chose to receive: per optional kind and way, on unless turned off (transactional kinds always go and
 * cannot be turned off); the unsubscribe link turns a kind off for every way (from a transactional message: every
 * optional kind).
 */
public final class MessageChoices {
    /** The kinds a visitor can turn off, in the order pages list them. */
    public static final List<MessageKind> OPTIONAL = java.util.Arrays.stream(MessageKind.values())
            .filter(k -> !k.transactional())
            .toList();

    private final Database db;
    private final MessageStore store;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    MessageChoices(Database db, MessageStore store, UnsubscribeTokens tokens, Clock clock) {
        this.db = db;
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The visitor's choices of every optional kind and way. */
    public Map<MessageKind, Map<Way, Boolean>> of(long visitorId) {
        return db.read(c -> {
            Map<MessageKind, Map<Way, Boolean>> m = new EnumMap<>(MessageKind.class);
            for (MessageKind k : OPTIONAL) {
                Map<Way, Boolean> ways = new EnumMap<>(Way.class);
                for (Way w : Way.values()) {
                    ways.put(w, store.choice(c, visitorId, k, w).orElse(true));
                }
                m.put(k, ways);
            }
            return m;
        });
    }

    /** Sets the optional kinds of one way at once: those in {@code on} on, the rest off. */
    public void set(long visitorId, Way way, java.util.Set<MessageKind> on) {
        db.tx(c -> {
            for (MessageKind k : OPTIONAL) {
                store.choose(c, visitorId, k, way, on.contains(k), clock.instant());
            }
            return null;
        });
    }

    /** The visitor and kind an unsubscribe token names; empty for a token that is not genuine. */
    public Optional<UnsubscribeTokens.Target> target(String token) {
        return tokens.open(token);
    }

    /** Turns off what {@code target} names, for every way. */
    public void unsubscribe(UnsubscribeTokens.Target target) {
        List<MessageKind> kinds = target.kind().transactional() ? OPTIONAL : List.of(target.kind());
        db.tx(c -> {
            for (MessageKind k : kinds) {
                for (Way w : Way.values()) {
                    store.choose(c, target.visitorId(), k, w, false, clock.instant());
                }
            }
            return null;
        });
    }
}
