package io.scenicpass.server.admin.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The holder-binding blacklist as an append-only log (ADD/REMOVE) with sequence numbers. */
public final class BlacklistStore {

    /** One log entry. */
    public record Entry(long seq, String binding, String action, String note, Instant createdAt) {}

    /** Appends to the blacklist log; inside a transaction (the feed lock keeps sequence order = commit order). */
    public void append(Connection c, String binding, String action, String note, Instant now) throws SQLException {
        Jdbc.lockFeed(c, "blacklist");
        Jdbc.update(
                c,
                "INSERT INTO blacklist_log(binding, action, note, created_at) VALUES (?,?,?,?)",
                binding,
                action,
                note,
                now.toEpochMilli());
    }

    /** Whether {@code binding} is on the list now: its latest log entry is an ADD. */
    public boolean listed(Connection c, String binding) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT action FROM blacklist_log WHERE binding=? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY",
                        rs -> rs.getString("action"),
                        binding)
                .map("ADD"::equals)
                .orElse(false);
    }

    public List<Entry> since(Connection c, long since, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM blacklist_log WHERE seq > ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Entry(
                        rs.getLong("seq"),
                        rs.getString("binding"),
                        rs.getString("action"),
                        rs.getString("note"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))),
                since);
    }
}
