package io.scenicpass.server.identity.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Blacklisting by document ({@code identity_blacklist}), kept as an audit trail: rows are never deleted, removal and
 * expiry set {@code removed_at}/{@code removed_by}. An entry is active while not removed.
 */
public final class DocumentBlacklistStore {
    /** One entry; {@code numberEnc} is the AES-GCM ciphertext of the number (shown masked). */
    public record Entry(
            long id,
            String docType,
            String lookup,
            String binding,
            String numberEnc,
            String reason,
            String addedBy,
            Instant createdAt,
            Instant expiresAt,
            Instant removedAt,
            String removedBy) {}

    public long insert(
            Connection c,
            String docType,
            String lookup,
            String binding,
            String numberEnc,
            String reason,
            String addedBy,
            Instant now,
            Instant expiresAt)
            throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO identity_blacklist(doc_type, lookup, binding, number_enc, reason, added_by, created_at,"
                        + " expires_at) VALUES (?,?,?,?,?,?,?,?)",
                docType,
                lookup,
                binding,
                numberEnc,
                reason,
                addedBy,
                now.toEpochMilli(),
                expiresAt == null ? null : expiresAt.toEpochMilli());
        return Jdbc.one(
                        c,
                        "SELECT MAX(id) FROM identity_blacklist WHERE lookup=? AND removed_at IS NULL",
                        rs -> rs.getLong(1),
                        lookup)
                .orElseThrow();
    }

    /** The active entry of a document, if any. */
    public Optional<Entry> active(Connection c, String lookup) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM identity_blacklist WHERE lookup=? AND removed_at IS NULL ORDER BY id DESC",
                DocumentBlacklistStore::entry,
                lookup);
    }

    public Optional<Entry> byId(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM identity_blacklist WHERE id=?", DocumentBlacklistStore::entry, id);
    }

    /** Marks an active entry removed; false when it was not active. */
    public boolean remove(Connection c, long id, String by, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE identity_blacklist SET removed_at=?, removed_by=? WHERE id=? AND removed_at IS NULL",
                        now.toEpochMilli(),
                        by,
                        id)
                == 1;
    }

    /** Active entries whose expiry has come. */
    public List<Entry> due(Connection c, Instant now) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM identity_blacklist WHERE removed_at IS NULL AND expires_at <= ? ORDER BY id",
                DocumentBlacklistStore::entry,
                now.toEpochMilli());
    }

    /** Every entry, newest first (at most {@code limit}); {@code activeOnly} leaves out removed ones. */
    public List<Entry> list(Connection c, boolean activeOnly, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM identity_blacklist" + (activeOnly ? " WHERE removed_at IS NULL" : "")
                        + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                DocumentBlacklistStore::entry);
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        Long expires = Jdbc.longOrNull(rs, "expires_at");
        Long removed = Jdbc.longOrNull(rs, "removed_at");
        return new Entry(
                rs.getLong("id"),
                rs.getString("doc_type"),
                rs.getString("lookup"),
                rs.getString("binding"),
                rs.getString("number_enc"),
                rs.getString("reason"),
                rs.getString("added_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                expires == null ? null : Instant.ofEpochMilli(expires),
                removed == null ? null : Instant.ofEpochMilli(removed),
                rs.getString("removed_by"));
    }
}
