package io.scenicpass.server.channels.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The OCTO webhook subscriptions of the channels (table {@code octo_webhook}). */
public final class OctoWebhookStore {

    public void insert(Connection c, OctoWebhook w, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO octo_webhook(id, channel_id, event, url, secret, retry_on_error, use_contact_language,"
                        + " capabilities, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                w.id(),
                w.channelId(),
                w.event(),
                w.url(),
                w.secret(),
                w.retryOnError(),
                w.useContactLanguage(),
                String.join(",", w.capabilities()),
                now.toEpochMilli());
    }

    /** The channel's subscriptions, oldest first. */
    public List<OctoWebhook> list(Connection c, String channelId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM octo_webhook WHERE channel_id=? ORDER BY created_at, id",
                OctoWebhookStore::webhook,
                channelId);
    }

    /** The channel's subscriptions to one event. */
    public List<OctoWebhook> forEvent(Connection c, String channelId, String event) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM octo_webhook WHERE channel_id=? AND event=? ORDER BY created_at, id",
                OctoWebhookStore::webhook,
                channelId,
                event);
    }

    public Optional<OctoWebhook> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM octo_webhook WHERE id=?", OctoWebhookStore::webhook, id);
    }

    public int count(Connection c, String channelId) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM octo_webhook WHERE channel_id=?", rs -> rs.getInt(1), channelId)
                .orElse(0);
    }

    /** Deletes a channel's subscription; false when the channel has none with that id. */
    public boolean delete(Connection c, String channelId, String id) throws SQLException {
        return Jdbc.update(c, "DELETE FROM octo_webhook WHERE channel_id=? AND id=?", channelId, id) == 1;
    }

    private static OctoWebhook webhook(ResultSet rs) throws SQLException {
        String caps = rs.getString("capabilities");
        return new OctoWebhook(
                rs.getString("id"),
                rs.getString("channel_id"),
                rs.getString("event"),
                rs.getString("url"),
                rs.getString("secret"),
                rs.getBoolean("retry_on_error"),
                rs.getBoolean("use_contact_language"),
                caps.isEmpty() ? List.of() : Arrays.asList(caps.split(",")));
    }
}
