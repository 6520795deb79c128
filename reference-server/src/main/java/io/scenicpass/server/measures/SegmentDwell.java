package io.scenicpass.server.measures;

import io.scenicpass.server.measures.store.SegmentDayStore;
import io.scenicpass.server.visitors.segments.SegmentExpression;
import io.scenicpass.server.visitors.segments.SegmentStore.Segment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Set;

/**
 * Dwell by segment over a period from per-day rows ({@code measure_segment_day}): a day missing for the segment's
 * current expression is computed from that day's facts once (its members as they are then), a day whose facts
 * change is forgotten by the rollup's refresh and computed again when asked. So a year's dashboard reads a year of
 * stored rows, not a year of visits; the first period after a segment changes computes its days once.
 */
final class SegmentDwell {
    private final SegmentDayStore store;

    SegmentDwell(SegmentDayStore store) {
        this.store = store;
    }

    /** The segment's {ms of dwell summed, ended visits} over [from, to] and a channel (null = all). */
    long[] of(Connection c, Segment s, LocalDate from, LocalDate to, String channel) throws SQLException {
        String hash = hash(s.expression());
        Set<LocalDate> done = store.computedDays(c, s.code(), hash, from, to);
        SegmentExpression e = null;
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (!done.contains(d)) {
                e = e != null ? e : SegmentExpression.parse(s.expression());
                store.replaceDay(c, s.code(), hash, d, store.computeDay(c, d, e.sql(), e.args()));
            }
        }
        return store.sum(c, s.code(), from, to, channel);
    }

    /** After a refresh: the days whose facts changed are computed again when asked. */
    void forget(Connection c, Set<LocalDate> changedDays) throws SQLException {
        store.forget(c, changedDays);
    }

    private static String hash(String expression) {
        try {
            return HexFormat.of()
                    .formatHex(
                            MessageDigest.getInstance("SHA-256").digest(expression.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
