package io.scenicpass.server.cluster;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Leases of singleton jobs (one row per job in {@code job_lease}): which node runs it, until when. */
public final class JobLeaseStore {

    /** A job's current lease. */
    public record Lease(String job, String owner, Instant until) {}

    /**
     * Takes or renews the lease of a singleton job: true when {@code owner} holds it until {@code until}.
     * A single conditional UPDATE (free, expired, or already ours), so two nodes never both win.
     */
    public boolean lease(Connection c, String job, String owner, Instant now, Instant until) throws SQLException {
        Jdbc.update(c, "INSERT INTO job_lease(name, owner, lease_until) VALUES (?,'-',0) ON CONFLICT DO NOTHING", job);
        return Jdbc.update(
                        c,
                        "UPDATE job_lease SET owner=?, lease_until=? WHERE name=? AND (lease_until < ? OR owner=?)",
                        owner,
                        until.toEpochMilli(),
                        job,
                        now.toEpochMilli(),
                        owner)
                == 1;
    }

    /** Gives the lease up at once (a node shutting down cleanly), if {@code owner} holds it. */
    public void release(Connection c, String job, String owner) throws SQLException {
        Jdbc.update(c, "UPDATE job_lease SET lease_until=0 WHERE name=? AND owner=?", job, owner);
    }

    public Optional<Lease> find(Connection c, String job) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT name, owner, lease_until FROM job_lease WHERE name=?",
                rs -> new Lease(rs.getString(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3))),
                job);
    }
}
