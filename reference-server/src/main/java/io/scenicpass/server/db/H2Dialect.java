package io.scenicpass.server.db;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/** Embedded H2 (PostgreSQL mode): key lists as {@code IN (?, ...)}, set writes as JDBC batches. */
public final class H2Dialect implements Dialect {
    /** Stripes of the JVM queue of {@link #onHotRow}: writers of rows hashing alike wait for each other. */
    private final ReentrantLock[] stripes = new ReentrantLock[64];

    H2Dialect() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public Connection prepare(Connection pooled) {
        return H2LockWaits.wrap(pooled);
    }

    @Override
    public <T> T pick(Supplier<? extends T> h2, Supplier<? extends T> postgres) {
        return h2.get();
    }

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
            throws java.sql.SQLException {
        List<T> out = new ArrayList<>();
        List<String> ids = new ArrayList<>(keys);
        for (int from = 0; from < ids.size(); from += Jdbc.IN_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Jdbc.IN_CHUNK));
            List<Object> bound = new ArrayList<>(chunk);
            bound.addAll(List.of(args));
            out.addAll(Jdbc.list(
                    c,
                    "SELECT " + columns + " FROM " + table + " WHERE " + key + " IN ("
                            + Jdbc.marks(chunk.size()) + ")" + (where == null ? "" : " AND " + where)
                            + (orderBy == null ? "" : " ORDER BY " + orderBy),
                    row,
                    bound.toArray()));
        }
        return out;
    }

    @Override
    public <T> T onHotRow(String rowId, Supplier<T> work) {
        ReentrantLock lock = stripes[Math.floorMod(rowId.hashCode(), stripes.length)];
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
