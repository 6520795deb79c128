package io.scenicpass.server.channels;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.channels.store.Channel;
import io.scenicpass.server.channels.store.ChannelStore;
import io.scenicpass.server.db.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Channels, their API keys (stored as SHA-256 hashes) and per-channel rate limits. */
public final class ChannelService {
    private final Database db;
    private final ChannelStore store;
    private final Clock clock;
    private final SecureRandom random;
    private final WebhookTargets targets;
    private final Cache<String, Optional<Channel>> byKeyHash = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();
    private final Cache<String, TokenBucket> buckets =
            Caffeine.newBuilder().maximumSize(100_000).build();

    public ChannelService(Database db, ChannelStore store, Clock clock, SecureRandom random, WebhookTargets targets) {
        this.db = db;
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.targets = targets;
    }

    /** The channel owning this bearer key, or UNAUTHORIZED. */
    public Channel authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank() || apiKey.length() > 200) {
            throw new ServiceException(Problem.UNAUTHORIZED, "missing or invalid API key");
        }
        String hash = sha256Hex(apiKey.trim());
        Optional<Channel> ch = byKeyHash.get(hash, h -> db.read(c -> store.byKeyHash(c, h)));
        if (ch.isEmpty() || !ch.get().active()) {
            throw new ServiceException(Problem.UNAUTHORIZED, "missing or invalid API key");
        }
        return ch.get();
    }

    /**
     * Takes one request token from the channel's bucket.
     *
     * @return 0 when allowed, otherwise the whole seconds to wait (for Retry-After)
     */
    public long acquire(Channel channel) {
        TokenBucket b = buckets.get(channel.id(), id -> new TokenBucket(channel.ratePerSecond(), channel.burst()));
        return b.tryTake(clock.millis());
    }

    /** Creates a channel. */
    public Channel create(Channel given) {
        if (given.id() == null || !given.id().matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "channel id must be 1-64 of [A-Za-z0-9_.-]");
        }
        Channel ch = validated(given);
        try {
            db.tx(c -> {
                store.insert(c, ch, clock.instant());
                return null;
            });
        } catch (io.scenicpass.server.db.StoreException e) {
            if (e.isUniqueViolation()) {
                throw new ServiceException(Problem.CONFLICT, "channel exists already", ch.id());
            }
            throw e;
        }
        return ch;
    }

    public void update(Channel given) {
        Channel ch = validated(given);
        db.tx(c -> {
            store.find(c, ch.id())
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", ch.id()));
            store.update(c, ch);
            return null;
        });
        byKeyHash.invalidateAll();
        buckets.invalidate(ch.id());
    }

    /**
     * The channel with its webhook URL normalised (null when blank), or BAD_REQUEST: a name and kind, a rate and
     * burst of 1..{@value Bounds#MAX_RATE}, an http(s) webhook URL to a public address ({@link WebhookTargets}).
     */
    private Channel validated(Channel ch) {
        if (ch.name() == null
                || ch.name().isBlank()
                || ch.kind() == null
                || ch.kind().isBlank()) {
            throw new ServiceException(Problem.BAD_REQUEST, "name and kind are required");
        }
        Bounds.check("ratePerSecond", ch.ratePerSecond(), 1, Bounds.MAX_RATE);
        Bounds.check("burst", ch.burst(), 1, Bounds.MAX_RATE);
        String url = targets.checkRegistration("webhookUrl", ch.webhookUrl());
        if (url != null && (ch.webhookSecret() == null || ch.webhookSecret().isBlank())) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "webhookSecret is required with a webhookUrl (it signs the events)");
        }
        return new Channel(
                ch.id(), ch.name(), ch.kind(), url, ch.webhookSecret(), ch.ratePerSecond(), ch.burst(), ch.active());
    }

    /**
     * Sets a channel's webhook URL (blank: none), validated as on the admin API; a channel that has no signing secret
     * yet gets one. Returns that new secret (to be shown once), or null when the channel kept its secret. https only:
     * events carry visitors' bookings (plain http only where {@code webhooks.allowPrivateTargets} allows a LAN receiver).
     */
    public String setWebhookUrl(String channelId, String url) {
        if (url != null
                && !url.isBlank()
                && !targets.allowsPrivate()
                && !url.trim().regionMatches(true, 0, "https://", 0, 8)) {
            throw new ServiceException(Problem.BAD_REQUEST, "webhookUrl must be an https:// URL");
        }
        Channel old = find(channelId)
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", channelId));
        boolean fresh = url != null
                && !url.isBlank()
                && (old.webhookSecret() == null || old.webhookSecret().isBlank());
        String secret = fresh ? freshWebhookSecret() : old.webhookSecret();
        update(withWebhook(old, url, secret));
        return fresh ? secret : null;
    }

    /** A new webhook signing secret for the channel: every event from now on is signed with it; returned once. */
    public String rotateWebhookSecret(String channelId) {
        Channel old = find(channelId)
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", channelId));
        String secret = freshWebhookSecret();
        update(withWebhook(old, old.webhookUrl(), secret));
        return secret;
    }

    private static Channel withWebhook(Channel ch, String url, String secret) {
        return new Channel(ch.id(), ch.name(), ch.kind(), url, secret, ch.ratePerSecond(), ch.burst(), ch.active());
    }

    private String freshWebhookSecret() {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /** Issues a new API key for a channel; the plain key is returned once and never stored. */
    public String newKey(String channelId, String label) {
        String key = freshKey();
        addKey(channelId, key, label);
        return key;
    }

    private String freshKey() {
        byte[] raw = new byte[24];
        random.nextBytes(raw);
        return "sp_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * Rotates a channel's API key: every live key revoked and a new one issued in one transaction; the new key is
     * returned once and never stored (the old ones are refused at once on this node, within 10 s on others).
     */
    public String rotateKey(String channelId) {
        String key = freshKey();
        db.tx(c -> {
            store.find(c, channelId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", channelId));
            store.revokeKeys(c, channelId);
            store.addKey(c, channelId, sha256Hex(key), "rotated", clock.instant());
            return null;
        });
        byKeyHash.invalidateAll();
        return key;
    }

    /** A channel's keys as listed (label, when, revoked), newest first; never a key. */
    public List<ChannelStore.Key> keys(String channelId) {
        return db.read(c -> store.keys(c, channelId));
    }

    /** Registers a given key (demo / migration); stores only its hash. */
    public void addKey(String channelId, String key, String label) {
        db.tx(c -> {
            store.find(c, channelId)
                    .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such channel", channelId));
            store.addKey(c, channelId, sha256Hex(key), label, clock.instant());
            return null;
        });
    }

    /** Revokes all keys of a channel (takes effect within the auth cache TTL, at most 10 s). */
    public int revokeKeys(String channelId) {
        int n = db.tx(c -> store.revokeKeys(c, channelId));
        byKeyHash.invalidateAll();
        return n;
    }

    public List<Channel> list() {
        return db.read(store::list);
    }

    public Optional<Channel> find(String id) {
        return db.read(c -> store.find(c, id));
    }

    /** Lower-case hex SHA-256 of a UTF-8 string. */
    public static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A classic token bucket: {@code rate} tokens per second, at most {@code burst} stored. */
    public static final class TokenBucket {
        private final double ratePerMilli;
        private final double burst;
        private double tokens;
        private long last = -1;

        public TokenBucket(double ratePerSecond, double burst) {
            this.ratePerMilli = ratePerSecond / 1000.0;
            this.burst = burst;
            this.tokens = burst;
        }

        /** Takes a token: 0 when there was one, otherwise the whole seconds until there is one (taking none). */
        public synchronized long tryTake(long nowMillis) {
            long wait = waitSeconds(nowMillis);
            if (wait == 0) {
                tokens -= 1;
            }
            return wait;
        }

        /** Gives back a token taken by {@link #tryTake} (never above the burst). */
        public synchronized void giveBack() {
            tokens = Math.min(burst, tokens + 1);
        }

        /** 0 when a token is there now, otherwise the whole seconds until there is one; takes none. */
        public synchronized long waitSeconds(long nowMillis) {
            if (last >= 0 && nowMillis > last) {
                tokens = Math.min(burst, tokens + (nowMillis - last) * ratePerMilli);
            }
            last = Math.max(last, nowMillis);
            return tokens >= 1 ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / ratePerMilli / 1000.0));
        }
    }
}
