package io.scenicpass.server.park;

import java.util.List;

/**
 * A zone as the operator describes it: names in zh and en, its kind, how many people it holds at once and the zones
 * one walks to from it (minutes on foot). Paths are two-way: listed by either end they join both.
 */
public record Zone(String id, String nameZh, String nameEn, Kind kind, int capacity, List<Path> neighbours) {

    /** What a zone is (the page shows it; the route starts at the park's own zone, {@code flow.parkZone}). */
    public enum Kind {
        PARK,
        MUSEUM,
        CABLE_CAR,
        PLAY_ZONE,
        VIEWPOINT,
        TEMPLE,
        SHOW,
        TRAIL,
        FOOD,
        OTHER
    }

    /** A walk from this zone to a neighbour. */
    public record Path(String zoneId, int walkMinutes) {}

    /** The name in the visitor's language ({@code en}, else zh). */
    public String name(String lang) {
        return "en".equals(lang) ? nameEn : nameZh;
    }
}
