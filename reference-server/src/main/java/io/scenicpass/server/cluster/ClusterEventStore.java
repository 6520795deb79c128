package io.scenicpass.server.cluster;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The cluster event log ({@code cluster_event}, see V30__cluster.sql) and PostgreSQL's LISTEN/NOTIFY on the channel
 * {@link #CHANNEL}: the SQL side of the cluster bus.
 */
public final class ClusterEventStore {
    /** The NOTIFY channel every node listens on. */
    public static final String CHANNEL = "scenicpass_cluster";

    /** One event. */
    public record Event(long seq, String kind, String payload, String origin, Instant createdAt) {}

    /** Appends an event inside the caller's transaction (sequence order = commit order); returns its seq. */
    public long append(Connection c, String kind, String payload, String origin, Instant now) throws SQLException {
        Jdbc.lockFeed(c, "cluster_event");
        Jdbc.update(
                c,
                "INSERT INTO cluster_event(kind, payload, origin, created_at) VALUES (?,?,?,?)",
                kind,
                payload,
                origin,
                now.toEpochMilli());
        return last(c);
    }

    /** The highest seq (0 when empty). */
    public long last(Connection c) throws SQLException {
        return Jdbc.one(c, "SELECT COALESCE(MAX(seq), 0) FROM cluster_event", rs -> rs.getLong(1))
                .orElse(0L);
    }

    /** Events after {@code seq}, oldest first, at most {@code limit}. */
    public List<Event> after(Connection c, long seq, int limit) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT seq, kind, payload, origin, created_at FROM cluster_event WHERE seq > ? ORDER BY seq"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                rs -> new Event(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5))),
                seq);
    }

    /** Deletes events created before {@code before}; returns how many. */
    public int prune(Connection c, Instant before) throws SQLException {
        return Jdbc.update(c, "DELETE FROM cluster_event WHERE created_at < ?", before.toEpochMilli());
    }

    /** PostgreSQL: NOTIFY {@link #CHANNEL} with {@code payload} (delivered when the caller's transaction commits). */
    public void notify(Connection c, String payload) throws SQLException {
        Jdbc.one(c, "SELECT pg_notify(?, ?)", rs -> Boolean.TRUE, CHANNEL, payload);
    }

    /**
     * PostgreSQL: a dedicated connection ({@code applicationName} in {@code pg_stat_activity}) LISTENing on
     * {@link #CHANNEL}; closing it (from any thread) ends the LISTEN and a pending {@link Listening#await}.
     */
    public Listening listen(Database db, String applicationName) throws SQLException {
        Connection c = db.openDedicatedConnection(applicationName);
        try (Statement st = c.createStatement()) {
            st.execute("LISTEN " + CHANNEL);
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return new Listening(c);
    }

    /** A LISTENing connection. */
    public static final class Listening implements AutoCloseable {
        private final Connection c;

        private Listening(Connection c) {
            this.c = c;
        }

        /**
         * The payloads of the notifications received, waiting up to {@code timeoutMillis} for the first; empty on
         * timeout. Throws when the connection is broken.
         */
        public List<String> await(int timeoutMillis) throws SQLException {
            PGNotification[] got = c.unwrap(PGConnection.class).getNotifications(timeoutMillis);
            List<String> out = new ArrayList<>();
            if (got != null) {
                for (PGNotification n : got) {
                    out.add(n.getParameter());
                }
            }
            if (out.isEmpty() && !c.isValid(5)) {
                throw new SQLException("LISTEN connection no longer valid");
            }
            return out;
        }

        @Override
        public void close() throws SQLException {
            c.close();
        }
    }
}
