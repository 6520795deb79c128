package io.scenicpass.server.park.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.park.Notice;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@code park_notice}: notices are added and deleted (a deleted one keeps its row, marked, for the record). */
public final class NoticeStore {
    private static final String COLUMNS =
            "id, kind, severity, title_zh, title_en, body_zh, body_en, from_day, until_day, created_at";

    /** Adds the notice; returns it with its id. */
    public Notice add(Connection c, Notice n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO park_notice(kind, severity, title_zh, title_en, body_zh, body_en, from_day, until_day,"
                        + " created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, n.kind().name());
            ps.setString(2, n.severity().name());
            ps.setString(3, n.titleZh());
            ps.setString(4, n.titleEn());
            ps.setString(5, n.bodyZh());
            ps.setString(6, n.bodyEn());
            ps.setObject(7, n.from());
            ps.setObject(8, n.until());
            ps.setLong(9, n.createdAt().toEpochMilli());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return new Notice(
                        keys.getLong(1),
                        n.kind(),
                        n.severity(),
                        n.titleZh(),
                        n.titleEn(),
                        n.bodyZh(),
                        n.bodyEn(),
                        n.from(),
                        n.until(),
                        n.createdAt());
            }
        }
    }

    /** Marks the notice deleted; true when it was there and not deleted yet. */
    public boolean delete(Connection c, long id, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE park_notice SET deleted_at=? WHERE id=? AND deleted_at IS NULL",
                        now.toEpochMilli(),
                        id)
                == 1;
    }

    public Optional<Notice> find(Connection c, long id) throws SQLException {
        return Jdbc.one(
                c, "SELECT " + COLUMNS + " FROM park_notice WHERE id=? AND deleted_at IS NULL", NoticeStore::row, id);
    }

    /** The notices (not deleted) shown on some day of {@code from..until}, most severe first, newest first. */
    public List<Notice> overlapping(Connection c, LocalDate from, LocalDate until) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT " + COLUMNS + " FROM park_notice WHERE deleted_at IS NULL AND until_day >= ? AND from_day <= ?"
                        + " ORDER BY CASE severity WHEN 'SEVERE' THEN 0 WHEN 'WARNING' THEN 1 ELSE 2 END, id DESC",
                NoticeStore::row,
                from,
                until);
    }

    private static Notice row(ResultSet rs) throws SQLException {
        return new Notice(
                rs.getLong(1),
                Notice.Kind.valueOf(rs.getString(2)),
                Notice.Severity.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getObject(8, LocalDate.class),
                rs.getObject(9, LocalDate.class),
                Instant.ofEpochMilli(rs.getLong(10)));
    }
}
