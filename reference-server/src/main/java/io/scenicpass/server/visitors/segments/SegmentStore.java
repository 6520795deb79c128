package io.scenicpass.server.visitors.segments;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Saved segments ({@code visitor_segment}) and the queries their compiled expressions run in. */
public final class SegmentStore {
    /** A saved segment. */
    public record Segment(String code, String name, String expression, Instant createdAt, Instant updatedAt) {}

    public Optional<Segment> find(Connection c, String code) throws SQLException {
        return Jdbc.one(c, "SELECT " + COLS + " FROM visitor_segment WHERE code=?", SegmentStore::row, code);
    }

    public List<Segment> list(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT " + COLS + " FROM visitor_segment ORDER BY code", SegmentStore::row);
    }

    public void put(Connection c, Segment s, boolean exists) throws SQLException {
        if (exists) {
            Jdbc.update(
                    c,
                    "UPDATE visitor_segment SET name=?, expression=?, updated_at=? WHERE code=?",
                    s.name(),
                    s.expression(),
                    s.updatedAt().toEpochMilli(),
                    s.code());
        } else {
            Jdbc.update(
                    c,
                    "INSERT INTO visitor_segment(code, name, expression, created_at, updated_at) VALUES (?,?,?,?,?)",
                    s.code(),
                    s.name(),
                    s.expression(),
                    s.createdAt().toEpochMilli(),
                    s.updatedAt().toEpochMilli());
        }
    }

    public boolean delete(Connection c, String code) throws SQLException {
        return Jdbc.update(c, "DELETE FROM visitor_segment WHERE code=?", code) > 0;
    }

    /** How many visitors match. */
    public long size(Connection c, SegmentExpression e) throws SQLException {
        return Jdbc.one(
                        c,
                        "SELECT COUNT(*) FROM visitor v WHERE " + e.sql(),
                        rs -> rs.getLong(1),
                        e.args().toArray())
                .orElse(0L);
    }

    /**
     * How many visitors match each expression, in one scan of {@code visitor} whatever the number of segments (the
     * scan grows with the known visitors: docs/benchmarks.md § Measures at scale).
     */
    public long[] sizes(Connection c, List<SegmentExpression> expressions) throws SQLException {
        if (expressions.isEmpty()) {
            return new long[0];
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("COALESCE(SUM(CASE WHEN ")
                    .append(expressions.get(i).sql())
                    .append(" THEN 1 ELSE 0 END), 0)");
            args.addAll(expressions.get(i).args());
        }
        sql.append(" FROM visitor v");
        return Jdbc.one(
                        c,
                        sql.toString(),
                        rs -> {
                            long[] out = new long[expressions.size()];
                            for (int i = 0; i < out.length; i++) {
                                out[i] = rs.getLong(i + 1);
                            }
                            return out;
                        },
                        args.toArray())
                .orElse(new long[expressions.size()]);
    }

    /** Whether one visitor matches. */
    public boolean contains(Connection c, SegmentExpression e, long visitorId) throws SQLException {
        List<Object> args = new ArrayList<>();
        args.add(visitorId);
        args.addAll(e.args());
        return Jdbc.one(c, "SELECT 1 FROM visitor v WHERE v.id=? AND " + e.sql(), rs -> 1, args.toArray())
                .isPresent();
    }

    /** The first {@code limit} matching visitor ids. */
    public List<Long> members(Connection c, SegmentExpression e, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT v.id FROM visitor v WHERE " + e.sql() + " ORDER BY v.id LIMIT " + limit,
                rs -> rs.getLong(1),
                e.args().toArray());
    }

    private static final String COLS = "code, name, expression, created_at, updated_at";

    private static Segment row(java.sql.ResultSet rs) throws SQLException {
        return new Segment(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)),
                Instant.ofEpochMilli(rs.getLong(5)));
    }
}
