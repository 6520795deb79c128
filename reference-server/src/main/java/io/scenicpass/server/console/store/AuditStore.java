package io.scenicpass.server.console.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The audit log: appended to, never changed; read newest first with filters. */
public final class AuditStore {
    /** One change: who, through what, which action on which target, a summary, the answer's status. */
    public record Entry(
            long id,
            Instant at,
            String actor,
            String operatorId,
            String via,
            String action,
            String target,
            String summary,
            int status) {}

    /** Filters of a read (null: any); {@code action} matches a part of the action; {@code beforeId} pages back. */
    public record Filter(String actor, String action, Instant from, Instant to, Long beforeId, int limit) {}

    public void append(Connection c, Entry e) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO audit_log(at, actor, operator_id, via, action, target, summary, status)"
                        + " VALUES (?,?,?,?,?,?,?,?)",
                e.at().toEpochMilli(),
                e.actor(),
                e.operatorId(),
                e.via(),
                e.action(),
                e.target(),
                e.summary(),
                e.status());
    }

    public List<Entry> read(Connection c, Filter f) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE 1=1");
        List<Object> args = new ArrayList<>();
        if (f.actor() != null) {
            sql.append(" AND actor=?");
            args.add(f.actor());
        }
        if (f.action() != null) {
            sql.append(" AND action LIKE ? ESCAPE '!'");
            args.add("%" + f.action().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (f.from() != null) {
            sql.append(" AND at>=?");
            args.add(f.from().toEpochMilli());
        }
        if (f.to() != null) {
            sql.append(" AND at<?");
            args.add(f.to().toEpochMilli());
        }
        if (f.beforeId() != null) {
            sql.append(" AND id<?");
            args.add(f.beforeId());
        }
        sql.append(" ORDER BY id DESC LIMIT ").append(Math.max(1, Math.min(f.limit(), 1000)));
        return Jdbc.list(c, sql.toString(), AuditStore::row, args.toArray());
    }

    private static Entry row(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getLong("id"),
                BookingStore.instant(rs, "at"),
                rs.getString("actor"),
                rs.getString("operator_id"),
                rs.getString("via"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("summary"),
                rs.getInt("status"));
    }
}
