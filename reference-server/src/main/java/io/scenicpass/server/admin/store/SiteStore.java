package io.scenicpass.server.admin.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Zones, gates and devices of the scenic area (devices are a stub until the terminal API exists). */
public final class SiteStore {

    public record Zone(String id, String name) {}

    public record Gate(String id, String name, String zoneId, String direction) {}

    public record Device(String id, String name, String gateId, boolean revoked, Instant createdAt) {}

    public void putZone(Connection c, Zone z) throws SQLException {
        Jdbc.update(c, "INSERT INTO zone(id, name) VALUES (?,?) ON CONFLICT DO NOTHING", z.id(), z.name());
    }

    public void putGate(Connection c, Gate g) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO gate(id, name, zone_id, direction) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
                g.id(),
                g.name(),
                g.zoneId(),
                g.direction());
    }

    public List<Zone> zones(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM zone ORDER BY id", rs -> new Zone(rs.getString("id"), rs.getString("name")));
    }

    public List<Gate> gates(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM gate ORDER BY id",
                rs -> new Gate(
                        rs.getString("id"), rs.getString("name"), rs.getString("zone_id"), rs.getString("direction")));
    }

    public java.util.Optional<Gate> gate(Connection c, String id) throws SQLException {
        return Jdbc.one(
                c,
                "SELECT * FROM gate WHERE id=?",
                rs -> new Gate(
                        rs.getString("id"), rs.getString("name"), rs.getString("zone_id"), rs.getString("direction")),
                id);
    }

    public List<Device> devices(Connection c) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM device ORDER BY created_at",
                rs -> new Device(
                        rs.getString("id"),
                        rs.getString("name"),
                        rs.getString("gate_id"),
                        rs.getBoolean("revoked"),
                        Instant.ofEpochMilli(rs.getLong("created_at"))));
    }
}
