package io.scenicpass.server.park;

/**
 * A zone's crowding as a traffic light: people in it now ÷ its capacity. PLENTY below 60 %, BUSY from 60 %, FULL
 * from 90 % (a zone that full is one to come back to later). The ratio is rounded to whole percent for the page.
 */
public final class Crowding {
    public static final double BUSY_AT = 0.60;
    public static final double FULL_AT = 0.90;

    public enum Light {
        PLENTY,
        BUSY,
        FULL
    }

    /** A zone with its occupancy now and its light. */
    public record ZoneLight(Zone zone, long occupancy, int percent, Light light) {}

    private Crowding() {}

    public static ZoneLight of(Zone z, long occupancy) {
        long people = Math.max(0, occupancy);
        double ratio = z.capacity() <= 0 ? 0 : (double) people / z.capacity();
        Light light = ratio >= FULL_AT ? Light.FULL : ratio >= BUSY_AT ? Light.BUSY : Light.PLENTY;
        return new ZoneLight(z, people, (int) Math.round(100 * ratio), light);
    }
}
