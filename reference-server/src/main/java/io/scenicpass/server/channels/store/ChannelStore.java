package io.scenicpass.server.channels.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Channels and their API keys (only SHA-256 hashes of keys are stored). */
public final class ChannelStore {

    public void insert(Connection c, Channel ch, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO channel(id, name, kind, webhook_url, webhook_secret, rate_per_second, burst,"
                        + " active, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                ch.id(),
                ch.name(),
                ch.kind(),
                ch.webhookUrl(),
                ch.webhookSecret(),
                ch.ratePerSecond(),
                ch.burst(),
                ch.active(),
                now.toEpochMilli());
    }

    public void update(Connection c, Channel ch) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE channel SET name=?, kind=?, webhook_url=?, webhook_secret=?, rate_per_second=?,"
                        + " burst=?, active=? WHERE id=?",
                ch.name(),
                ch.kind(),
                ch.webhookUrl(),
                ch.webhookSecret(),
                ch.ratePerSecond(),
                ch.burst(),
                ch.active(),
                ch.id());
    }

    public void addKey(Connection c, String channelId, String keyHash, String label, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO channel_key(key_hash, channel_id, label, created_at) VALUES (?,?,?,?)",
                keyHash,
                channelId,
                label,
                now.toEpochMilli());
    }

    public int revokeKeys(Connection c, String channelId) throws SQLException {
        return Jdbc.update(c, "UPDATE channel_key SET revoked=TRUE WHERE channel_id=? AND NOT revoked", channelId);
    }

    /** A channel's API key as listed: never the key (only its hash is stored), nor the hash. */
    public record Key(String label, Instant createdAt, boolean revoked) {}

    public List<Key> keys(Connection c, String channelId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT label, created_at, revoked FROM channel_key WHERE channel_id=? ORDER BY created_at DESC, revoked",
                rs -> new Key(
                        rs.getString("label"),
                        Instant.ofEpochMilli(rs.getLong("created_at")),
                        rs.getBoolean("revoked")),
                channelId);
    }

    public Optional<Channel> byKeyHash(Connection c, String keyHash) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT ch.* FROM channel ch JOIN channel_key k ON k.channel_id = ch.id"
                        + " WHERE k.key_hash=? AND NOT k.revoked",
                ChannelStore::channel,
                keyHash);
    }

    public Optional<Channel> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM channel WHERE id=?", ChannelStore::channel, id);
    }

    public List<Channel> list(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM channel ORDER BY created_at, id", ChannelStore::channel);
    }

    private static Channel channel(ResultSet rs) throws SQLException {
        return new Channel(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("webhook_url"),
                rs.getString("webhook_secret"),
                rs.getInt("rate_per_second"),
                rs.getInt("burst"),
                rs.getBoolean("active"));
    }
}
