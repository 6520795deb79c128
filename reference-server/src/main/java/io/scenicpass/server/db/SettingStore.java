package io.scenicpass.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Small named values (admin token hash, enrollment token, seed marker). */
public final class SettingStore {

    public Optional<String> get(Connection c, String name) throws SQLException {
        return Jdbc.one(c, "SELECT setting_value FROM setting WHERE name=?", rs -> rs.getString(1), name);
    }

    /** Sets the value only when absent; returns the value now stored. */
    public String putIfAbsent(Connection c, String name, String value) throws SQLException {
        Jdbc.update(c, "INSERT INTO setting(name, setting_value) VALUES (?,?) ON CONFLICT DO NOTHING", name, value);
        return get(c, name).orElseThrow();
    }

    public void put(Connection c, String name, String value) throws SQLException {
        if (Jdbc.update(c, "UPDATE setting SET setting_value=? WHERE name=?", value, name) == 0) {
            Jdbc.update(c, "INSERT INTO setting(name, setting_value) VALUES (?,?)", name, value);
        }
    }
}
