package io.scenicpass.terminal.state;

import io.scenicpass.core.Direction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What this gate knows about a pass's use: entries so far (in total and per zone), the last direction, and the times
 * of the entries (for passes with daily terms: entries per day, days used).
 */
public final class PassUsage {
    /** Entry times kept per pass: a year of daily entries. */
    public static final int MAX_TIMES = 400;

    /** Usage of a pass never seen. */
    public static final PassUsage NONE = new PassUsage(0, Collections.emptyMap(), null, null, null);

    private final int entries;
    private final Map<String, Integer> zoneEntries;
    private final Direction lastDirection;
    private final Direction previousDirection;
    private final Instant lastTime;
    private final List<Instant> entryTimes;

    /** As {@link #PassUsage(int, Map, Direction, Direction, Instant, List)} without entry times. */
    public PassUsage(
            int entries,
            Map<String, Integer> zoneEntries,
            Direction lastDirection,
            Direction previousDirection,
            Instant lastTime) {
        this(entries, zoneEntries, lastDirection, previousDirection, lastTime, Collections.emptyList());
    }

    /**
     * @param entries admitted entries
     * @param zoneEntries admitted entries per zone
     * @param lastDirection direction of the last admitted passage, null if none
     * @param previousDirection the direction before that, null if none
     * @param lastTime corrected time of the last admitted passage, null if none
     * @param entryTimes corrected times of the admitted entries, oldest first (at most {@link #MAX_TIMES}, the latest)
     */
    public PassUsage(
            int entries,
            Map<String, Integer> zoneEntries,
            Direction lastDirection,
            Direction previousDirection,
            Instant lastTime,
            List<Instant> entryTimes) {
        List<Instant> times = new ArrayList<>(entryTimes);
        if (times.size() > MAX_TIMES) {
            times = times.subList(times.size() - MAX_TIMES, times.size());
        }
        this.entryTimes = Collections.unmodifiableList(new ArrayList<>(times));
        this.entries = entries;
        this.zoneEntries = Collections.unmodifiableMap(new HashMap<>(zoneEntries));
        this.lastDirection = lastDirection;
        this.previousDirection = previousDirection;
        this.lastTime = lastTime;
    }

    /** @return entries admitted (exits not counted) */
    public int entries() {
        return entries;
    }

    /** @param zoneId a zone @return entries admitted into that zone */
    public int entries(String zoneId) {
        Integer n = zoneEntries.get(zoneId);
        return n == null ? 0 : n;
    }

    /** @return entries per zone */
    public Map<String, Integer> zoneEntries() {
        return zoneEntries;
    }

    /** @return direction of the last admitted passage */
    public Optional<Direction> lastDirection() {
        return Optional.ofNullable(lastDirection);
    }

    /** @return the direction before the last one (restored when a passage did not happen) */
    public Optional<Direction> previousDirection() {
        return Optional.ofNullable(previousDirection);
    }

    /** @return corrected time of the last admitted passage */
    public Optional<Instant> lastTime() {
        return Optional.ofNullable(lastTime);
    }

    /** @return corrected times of the admitted entries, oldest first (the latest {@link #MAX_TIMES}) */
    public List<Instant> entryTimes() {
        return entryTimes;
    }

    /** @return whether the holder is inside (last passage was an entry) */
    public boolean inside() {
        return lastDirection == Direction.IN;
    }

    @Override
    public String toString() {
        return "PassUsage{entries=" + entries + ", zones=" + zoneEntries + ", last=" + lastDirection + "}";
    }
}
