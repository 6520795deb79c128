package io.scenicpass.server.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * PostgreSQL: key lists as one array parameter looked up key by key, set writes as one statement over
 * {@code unnest} arrays (the statement text does not depend on the number of rows, and the server runs one
 * statement instead of one per row).
 *
 * <p>Reads of a growing table by a list of keys are planned at every execution ({@link Jdbc#planEveryTime}) and
 * look each key up on its own: with {@code key IN (?, ...)} the server kept a generic plan made while the table was
 * small (a sequential scan). See docs/benchmarks.md § "reference-server entry ingestion".
 */
public final class PostgresDialect implements Dialect {
    /**
     * No JIT compilation: our statements read one day or one row through indexes, where compiling costs more than it
     * saves (about 90 ms a statement of a park day's recomputation at 150,000 visitors a day, docs/benchmarks.md).
     */
    @Override
    public String connectionInit() {
        return "SET jit = off";
    }

    PostgresDialect() {}

    @Override
    public Connection prepare(Connection pooled) {
        return pooled;
    }

    @Override
    public <T> T pick(Supplier<? extends T> h2, Supplier<? extends T> postgres) {
        return postgres.get();
    }

    /**
     * A nested loop over the keys (the first parameter, a varchar array), each looked up through the key's index (the
     * lateral subquery with {@code OFFSET 0} is planned on its own, for one key), whatever the table's statistics say.
     */
    @Override
    public <T> List<T> listByKeys(
            Connection c,
            String columns,
            String table,
            String key,
            String where,
            String orderBy,
            Collection<String> keys,
            Jdbc.Row<T> row,
            Object... args)
            throws SQLException {
        String sql = "SELECT x.* FROM unnest(?::varchar[]) AS k(id) CROSS JOIN LATERAL (SELECT " + columns + " FROM "
                + table + " WHERE " + key + " = k.id AND " + (where == null ? "TRUE" : where) + " OFFSET 0) x"
                + (orderBy == null ? "" : " ORDER BY " + orderBy);
        List<T> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(keys);
        for (int from = 0; from < ids.size(); from += Jdbc.IN_CHUNK) {
            List<Object> bound = new ArrayList<>();
            bound.add(varchars(c, ids.subList(from, Math.min(ids.size(), from + Jdbc.IN_CHUNK))));
            bound.addAll(List.of(args));
            out.addAll(Jdbc.list(c, sql, true, row, bound.toArray()));
        }
        return out;
    }

    /** The values as a varchar array parameter. */
    public static Array varchars(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("varchar", values.toArray(new String[0]));
    }

    @Override
    public <T> T onHotRow(String rowId, Supplier<T> work) {
        return work.get();
    }
}
