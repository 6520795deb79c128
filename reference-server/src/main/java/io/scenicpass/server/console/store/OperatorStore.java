package io.scenicpass.server.console.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operator accounts and their personal API tokens (hashes only). */
public final class OperatorStore {
    /** An operator as stored; the hash and sealed secrets never leave the server. */
    public record OperatorRow(
            String id,
            String login,
            String name,
            String role,
            String passwordHash,
            String totpSecret,
            String totpPending,
            Long totpLastStep,
            int failedCount,
            Long lockedUntil,
            boolean active,
            Instant createdAt,
            Instant updatedAt) {}

    /** A personal API token (its SHA-256 only). */
    public record TokenRow(
            String id,
            String operatorId,
            String name,
            String tokenHash,
            Instant createdAt,
            Long lastUsedAt,
            Long revokedAt) {}

    public void insert(Connection c, OperatorRow r) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO operator(id, login, name, role, password_hash, totp_secret, totp_pending, totp_last_step,"
                        + " failed_count, locked_until, active, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.id(),
                r.login(),
                r.name(),
                r.role(),
                r.passwordHash(),
                r.totpSecret(),
                r.totpPending(),
                r.totpLastStep(),
                r.failedCount(),
                r.lockedUntil(),
                r.active(),
                r.createdAt().toEpochMilli(),
                r.updatedAt().toEpochMilli());
    }

    public void update(Connection c, OperatorRow r) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE operator SET login=?, name=?, role=?, password_hash=?, totp_secret=?, totp_pending=?,"
                        + " totp_last_step=?, failed_count=?, locked_until=?, active=?, updated_at=? WHERE id=?",
                r.login(),
                r.name(),
                r.role(),
                r.passwordHash(),
                r.totpSecret(),
                r.totpPending(),
                r.totpLastStep(),
                r.failedCount(),
                r.lockedUntil(),
                r.active(),
                r.updatedAt().toEpochMilli(),
                r.id());
    }

    /** The row, locked for update (sign-in counts failures under this lock: two nodes cannot both miss one). */
    public Optional<OperatorRow> lockByLogin(Connection c, String login) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM operator WHERE login=? FOR UPDATE", OperatorStore::row, login);
    }

    public Optional<OperatorRow> find(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM operator WHERE id=?", OperatorStore::row, id);
    }

    public Optional<OperatorRow> lock(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM operator WHERE id=? FOR UPDATE", OperatorStore::row, id);
    }

    /** The ids of the active administrators, their rows locked (two changes cannot each remove "the other" one). */
    public List<String> lockActiveAdministrators(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT id FROM operator WHERE role='ADMINISTRATOR' AND active ORDER BY id FOR UPDATE",
                rs -> rs.getString("id"));
    }

    public List<OperatorRow> list(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM operator ORDER BY login", OperatorStore::row);
    }

    public long count(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) AS n FROM operator", rs -> rs.getLong("n"))
                .orElse(0L);
    }

    public void insertToken(Connection c, TokenRow t) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO operator_token(id, operator_id, name, token_hash, created_at) VALUES (?,?,?,?,?)",
                t.id(),
                t.operatorId(),
                t.name(),
                t.tokenHash(),
                t.createdAt().toEpochMilli());
    }

    /** The live token with this hash and its operator's id. */
    public Optional<TokenRow> liveToken(Connection c, String hash) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM operator_token WHERE token_hash=? AND revoked_at IS NULL",
                OperatorStore::token,
                hash);
    }

    public List<TokenRow> tokens(Connection c, String operatorId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM operator_token WHERE operator_id=? AND revoked_at IS NULL ORDER BY created_at",
                OperatorStore::token,
                operatorId);
    }

    public int revokeToken(Connection c, String operatorId, String tokenId, Instant at) throws SQLException {
        return Jdbc.update(
                c,
                "UPDATE operator_token SET revoked_at=? WHERE id=? AND operator_id=? AND revoked_at IS NULL",
                at.toEpochMilli(),
                tokenId,
                operatorId);
    }

    private static OperatorRow row(ResultSet rs) throws SQLException {
        return new OperatorRow(
                rs.getString("id"),
                rs.getString("login"),
                rs.getString("name"),
                rs.getString("role"),
                rs.getString("password_hash"),
                rs.getString("totp_secret"),
                rs.getString("totp_pending"),
                Jdbc.longOrNull(rs, "totp_last_step"),
                rs.getInt("failed_count"),
                Jdbc.longOrNull(rs, "locked_until"),
                rs.getBoolean("active"),
                BookingStore.instant(rs, "created_at"),
                BookingStore.instant(rs, "updated_at"));
    }

    private static TokenRow token(ResultSet rs) throws SQLException {
        return new TokenRow(
                rs.getString("id"),
                rs.getString("operator_id"),
                rs.getString("name"),
                rs.getString("token_hash"),
                BookingStore.instant(rs, "created_at"),
                Jdbc.longOrNull(rs, "last_used_at"),
                Jdbc.longOrNull(rs, "revoked_at"));
    }
}
