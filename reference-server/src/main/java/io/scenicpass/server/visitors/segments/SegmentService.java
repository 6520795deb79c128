package io.scenicpass.server.visitors.segments;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.visitors.Segments;
import io.scenicpass.server.visitors.store.TagStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The hub's {@link Segments}: saved segments (create, change, delete, size, members) and a visitor's tags. */
public final class SegmentService implements Segments {
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private final Database db;
    private final SegmentStore store;
    private final TagStore tags;
    private final Clock clock;
    private final Runnable catchUp;
    /** The last count of the segments' members (all in one scan), for {@link #all(Duration)}; null before any. */
    private volatile Counted counted;

    /** {@code catchUp} brings the hub's facts up to date before an answer (the feed, see VisitorFeed). */
    public SegmentService(Database db, SegmentStore store, TagStore tags, Clock clock, Runnable catchUp) {
        this.db = db;
        this.store = store;
        this.tags = tags;
        this.clock = clock;
        this.catchUp = catchUp;
    }

    /** What the operator gives: a name and an expression. */
    public record Input(String name, String expression) {}

    /** A segment with its current size. */
    public record Sized(SegmentStore.Segment segment, long size) {}

    /**
     * As of the feed's last run (at most {@code visitors.feedSeconds} old): other features ask this while pricing a
     * booking, a path that must not wait for the feed (it is synchronized and reads every new booking and entry).
     */
    @Override
    public Set<String> tagsOf(long visitorId) {
        return db.read(c -> tags.tags(c, visitorId));
    }

    /** As of the feed's last run, like {@link #tagsOf}: offers ask it while pricing a booking. */
    @Override
    public boolean contains(String segmentCode, long visitorId) {
        return db.read(c -> {
            var s = store.find(c, segmentCode);
            return s.isPresent()
                    && store.contains(c, SegmentExpression.parse(s.get().expression()), visitorId);
        });
    }

    /** Creates or replaces the segment {@code code}; the expression is checked first (typed 400). */
    public Sized put(String code, Input in) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ServiceException(Problem.BAD_REQUEST, "code: lower-case letters, digits, - or _ (at most 64)");
        }
        if (in == null || in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw new ServiceException(Problem.BAD_REQUEST, "name is required (at most 200 characters)");
        }
        SegmentExpression e = SegmentExpression.parse(in.expression());
        Instant now = clock.instant();
        catchUp.run();
        return db.tx(c -> {
            var old = store.find(c, code);
            SegmentStore.Segment s = new SegmentStore.Segment(
                    code,
                    in.name().strip(),
                    e.text(),
                    old.map(SegmentStore.Segment::createdAt).orElse(now),
                    now);
            store.put(c, s, old.isPresent());
            return new Sized(s, store.size(c, e));
        });
    }

    public Sized get(String code) {
        catchUp.run();
        return db.read(c -> {
            SegmentStore.Segment s = store.find(c, code).orElseThrow(() -> notFound(code));
            return new Sized(s, store.size(c, SegmentExpression.parse(s.expression())));
        });
    }

    /** Every saved segment with its size counted now (one scan of the known visitors for all of them). */
    public List<Sized> all() {
        return all(Duration.ZERO);
    }

    /**
     * As {@link #all()}, with the sizes of the last count when it is at most {@code maxAge} old and no segment changed
     * since; counted again otherwise. The count is a scan of every known visitor (it grows with them: docs/benchmarks.md
     * § Measures at scale), so the dashboard's measures read the sizes {@link #recount} keeps in the background.
     */
    public List<Sized> all(Duration maxAge) {
        catchUp.run();
        Instant now = clock.instant();
        Counted last = counted;
        return db.read(c -> {
            List<SegmentStore.Segment> list = store.list(c);
            if (maxAge.isZero()
                    || last == null
                    || !last.segments().equals(list)
                    || last.at().plus(maxAge).isBefore(now)) {
                return count(c, list, now).sized();
            }
            return last.sized();
        });
    }

    /** Counts every segment's members now, for the answers that take sizes up to a minute old (a background job). */
    public void recount() {
        Instant now = clock.instant();
        db.read(c -> count(c, store.list(c), now));
    }

    /** What the segments this node last counted hold. */
    private record Counted(List<SegmentStore.Segment> segments, long[] sizes, Instant at) {
        List<Sized> sized() {
            List<Sized> out = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                out.add(new Sized(segments.get(i), sizes[i]));
            }
            return out;
        }
    }

    private Counted count(Connection c, List<SegmentStore.Segment> list, Instant now) throws SQLException {
        List<SegmentExpression> e = new ArrayList<>();
        for (SegmentStore.Segment s : list) {
            e.add(SegmentExpression.parse(s.expression()));
        }
        Counted k = new Counted(List.copyOf(list), store.sizes(c, e), now);
        counted = k;
        return k;
    }

    /** The codes of the saved segments visitor {@code visitorId} is in now (the visitor's export). */
    public List<String> memberOf(long visitorId) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            for (SegmentStore.Segment s : store.list(c)) {
                if (store.contains(c, SegmentExpression.parse(s.expression()), visitorId)) {
                    out.add(s.code());
                }
            }
            return out;
        });
    }

    /** The first {@code limit} visitors of the segment (ids). */
    public List<Long> members(String code, int limit) {
        catchUp.run();
        return db.read(c -> store.members(
                c,
                SegmentExpression.parse(
                        store.find(c, code).orElseThrow(() -> notFound(code)).expression()),
                limit));
    }

    public void delete(String code) {
        if (!db.tx(c -> store.delete(c, code))) {
            throw notFound(code);
        }
    }

    private static ServiceException notFound(String code) {
        return new ServiceException(
                Problem.NOT_FOUND, "no such segment", code == null || code.length() > 64 ? null : code);
    }
}
