package io.scenicpass.server.park;

import io.scenicpass.server.Bounds;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.park.store.ZoneStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The operator's zones: checked and stored (PUT replaces a zone and the paths it lists), read for the page. */
public final class Zones {
    /** Paths one zone may list. */
    static final int MAX_NEIGHBOURS = 50;
    /** Longest walk between two neighbouring zones, in minutes. */
    static final int MAX_WALK_MINUTES = 600;

    /** What {@code PUT /admin/v1/zones/{id}} takes. */
    public record Input(String nameZh, String nameEn, String kind, Integer capacity, List<PathInput> neighbours) {}

    /** One listed path: the neighbour's id and the walk in minutes. */
    public record PathInput(String zoneId, Integer walkMinutes) {}

    private final Database db;
    private final ZoneStore store;

    public Zones(Database db, ZoneStore store) {
        this.db = db;
        this.store = store;
    }

    /** Creates or replaces zone {@code id}; neighbours must exist already (create zones first, then their paths). */
    public Zone put(String id, Input in) {
        if (id == null || !id.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new ServiceException(Problem.BAD_REQUEST, "zone id must be 1-64 of [A-Za-z0-9_.-]");
        }
        String zh = name("nameZh", in.nameZh());
        String en = name("nameEn", in.nameEn());
        Zone.Kind kind = kind(in.kind());
        if (in.capacity() == null) {
            throw new ServiceException(Problem.BAD_REQUEST, "capacity is required (people in the zone at once)");
        }
        int capacity = (int) Bounds.check("capacity", in.capacity(), 1, Bounds.MAX_CAPACITY);
        List<PathInput> given = in.neighbours() == null ? List.of() : in.neighbours();
        if (given.size() > MAX_NEIGHBOURS) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "neighbours must have at most " + MAX_NEIGHBOURS + " entries");
        }
        return db.tx(c -> {
            Set<String> known = new HashSet<>();
            store.all(c).forEach(z -> known.add(z.id()));
            List<Zone.Path> paths = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (PathInput p : given) {
                if (p == null || p.zoneId() == null || p.walkMinutes() == null) {
                    throw new ServiceException(Problem.BAD_REQUEST, "each neighbour needs zoneId and walkMinutes");
                }
                if (p.zoneId().equals(id)) {
                    throw new ServiceException(Problem.BAD_REQUEST, "a zone is not its own neighbour", id);
                }
                if (!known.contains(p.zoneId())) {
                    throw new ServiceException(
                            Problem.BAD_REQUEST,
                            "neighbour " + p.zoneId() + " is not a zone (create it first)",
                            p.zoneId());
                }
                if (!seen.add(p.zoneId())) {
                    throw new ServiceException(Problem.BAD_REQUEST, "neighbour " + p.zoneId() + " is listed twice");
                }
                int walk = (int) Bounds.check("walkMinutes", p.walkMinutes(), 1, MAX_WALK_MINUTES);
                paths.add(new Zone.Path(p.zoneId(), walk));
            }
            Zone z = new Zone(id, zh, en, kind, capacity, List.copyOf(paths));
            store.put(c, z);
            return z;
        });
    }

    public List<Zone> all() {
        return db.read(store::all);
    }

    public Zone get(String id) {
        return db.read(c -> store.find(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such zone", id));
    }

    private static String name(String field, String v) {
        if (v == null || v.isBlank() || v.length() > 100) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required (1..100 characters)");
        }
        return v.strip();
    }

    private static Zone.Kind kind(String v) {
        try {
            return Zone.Kind.valueOf(v == null ? "" : v);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, "kind must be one of " + java.util.Arrays.toString(Zone.Kind.values()));
        }
    }
}
