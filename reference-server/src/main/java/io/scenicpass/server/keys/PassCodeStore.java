package io.scenicpass.server.keys;

import io.scenicpass.core.Claims;
import io.scenicpass.core.PassCodes;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.db.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The area's pass code book (table pass_code): the small integer each issuer, product, zone and channel id
 * travels as on server-issued passes. Codes are handed out on first use, per kind from 0, and never change.
 */
public final class PassCodeStore {
    /**
     * Each attempt that finds no code lost its insert to another first use that took the next code, so the loop
     * never spins without progress; it can lose once per concurrent first use of the same kind. 8 was below what
     * 8 racing threads can cost (CI saw it run out on PostgreSQL); this bound only stops a broken database.
     */
    private static final int ATTEMPTS = 256;

    /** The claims with every id replaced by its code ({@code #n}), giving codes to ids that have none yet. */
    public Claims encode(Connection c, Claims claims) throws SQLException {
        try {
            return PassCodes.mapIds(claims, (kind, id) -> {
                try {
                    return "#" + code(c, kind, id);
                } catch (SQLException e) {
                    throw new StoreException(e);
                }
            });
        } catch (StoreException e) {
            throw (SQLException) e.getCause();
        }
    }

    /** How many codes there are (the key set's sequence counts them, so a new code makes gates fetch it). */
    public long count(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COUNT(*) FROM pass_code", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** The whole code book (what gates and third parties resolve codes with). */
    public PassCodes book(Connection c) throws SQLException {
        Map<String, Map<String, String>> wire = new LinkedHashMap<>();
        Jdbc.list(c, "SELECT kind, code, id FROM pass_code ORDER BY kind, code", rs -> {
            wire.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new LinkedHashMap<>())
                    .put(Integer.toString(rs.getInt(2)), rs.getString(3));
            return null;
        });
        return PassCodes.of(wire);
    }

    /**
     * The code of an id, given it on first use. Concurrent first uses (other transactions, other server
     * nodes) meet on the table's two unique keys: ON CONFLICT DO NOTHING, then read again or take the next.
     */
    int code(Connection c, PassCodes.Kind kind, String id) throws SQLException {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Integer> code = Jdbc.one(
                    c, "SELECT code FROM pass_code WHERE kind=? AND id=?", rs -> rs.getInt(1), kind.name(), id);
            if (code.isPresent()) {
                return code.get();
            }
            Jdbc.update(
                    c,
                    "INSERT INTO pass_code(kind, id, code) SELECT ?, ?, COALESCE(MAX(code) + 1, 0) FROM pass_code"
                            + " WHERE kind=? ON CONFLICT DO NOTHING",
                    kind.name(),
                    id,
                    kind.name());
        }
        throw new IllegalStateException("no pass code for " + kind + " " + id + " after " + ATTEMPTS + " attempts");
    }
}
