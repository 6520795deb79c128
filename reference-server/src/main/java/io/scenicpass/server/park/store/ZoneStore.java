package io.scenicpass.server.park.store;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.park.Zone;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code zone} table's park columns (V76) and {@code zone_path}: a zone's own list of paths. */
public final class ZoneStore {
    private record Row(String id, String name, String nameZh, String nameEn, String kind, int capacity) {}

    /** Creates or replaces the zone and its own paths (paths other zones list to it stay). */
    public void put(Connection c, Zone z) throws SQLException {
        String legacyName = z.nameZh() + " " + z.nameEn();
        int n = Jdbc.update(
                c,
                "UPDATE zone SET name=?, name_zh=?, name_en=?, kind=?, capacity=? WHERE id=?",
                legacyName,
                z.nameZh(),
                z.nameEn(),
                z.kind().name(),
                z.capacity(),
                z.id());
        if (n == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO zone(id, name, name_zh, name_en, kind, capacity) VALUES (?,?,?,?,?,?)",
                    z.id(),
                    legacyName,
                    z.nameZh(),
                    z.nameEn(),
                    z.kind().name(),
                    z.capacity());
        }
        Jdbc.update(c, "DELETE FROM zone_path WHERE zone_id=?", z.id());
        for (Zone.Path p : z.neighbours()) {
            Jdbc.update(
                    c,
                    "INSERT INTO zone_path(zone_id, neighbour_id, walk_minutes) VALUES (?,?,?)",
                    z.id(),
                    p.zoneId(),
                    p.walkMinutes());
        }
    }

    /** Every zone with the paths it lists itself (ordered by id). */
    public List<Zone> all(Connection c) throws SQLException {
        Map<String, List<Zone.Path>> paths = new LinkedHashMap<>();
        for (String[] p : Jdbc.list(
                c, "SELECT zone_id, neighbour_id, walk_minutes FROM zone_path ORDER BY zone_id, neighbour_id", rs ->
                        new String[] {rs.getString(1), rs.getString(2), Integer.toString(rs.getInt(3))})) {
            paths.computeIfAbsent(p[0], k -> new ArrayList<>()).add(new Zone.Path(p[1], Integer.parseInt(p[2])));
        }
        List<Zone> out = new ArrayList<>();
        for (Row r : Jdbc.list(
                c,
                "SELECT id, name, name_zh, name_en, kind, capacity FROM zone ORDER BY id",
                rs -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6)))) {
            // a zone made before V76 (or through POST gates' zone) has only its one name: both languages show it
            out.add(new Zone(
                    r.id(),
                    r.nameZh() == null ? r.name() : r.nameZh(),
                    r.nameEn() == null ? r.name() : r.nameEn(),
                    kindOf(r.kind()),
                    r.capacity(),
                    List.copyOf(paths.getOrDefault(r.id(), List.of()))));
        }
        return out;
    }

    public Optional<Zone> find(Connection c, String id) throws SQLException {
        return all(c).stream().filter(z -> z.id().equals(id)).findFirst();
    }

    private static Zone.Kind kindOf(String s) {
        try {
            return Zone.Kind.valueOf(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Zone.Kind.OTHER;
        }
    }
}
