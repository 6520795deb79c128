package io.scenicpass.server.passes.activation.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** One row per device activation request ({@code annual_activation_request}, V96): what a retry answers. */
public final class ActivationRequestStore {
    /** A request: its keyed fingerprint, the annual pass and the face capture of its last attempt. */
    public record Attempt(String fingerprint, String annualId, String captureRef) {}

    public Optional<Attempt> find(Connection c, String deviceId, String requestId) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT fingerprint, annual_id, capture_ref FROM annual_activation_request"
                        + " WHERE device_id=? AND request_id=?",
                rs -> new Attempt(rs.getString(1), rs.getString(2), rs.getString(3)),
                deviceId,
                requestId);
    }

    /**
     * Records an attempt of a request before the activation: the first one inserts (a concurrent twin fails on the
     * primary key), a retry's new capture replaces the last one's.
     */
    public void attempt(Connection c, String deviceId, String requestId, Attempt a, Instant at) throws SQLException {
        int n = Jdbc.update(
                c,
                "UPDATE annual_activation_request SET capture_ref=? WHERE device_id=? AND request_id=?",
                a.captureRef(),
                deviceId,
                requestId);
        if (n == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO annual_activation_request(device_id, request_id, fingerprint, annual_id, capture_ref,"
                            + " created_at) VALUES (?,?,?,?,?,?)",
                    deviceId,
                    requestId,
                    a.fingerprint(),
                    a.annualId(),
                    a.captureRef(),
                    at.toEpochMilli());
        }
    }
}
