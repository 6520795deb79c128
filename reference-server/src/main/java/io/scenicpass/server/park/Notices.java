package io.scenicpass.server.park;

import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;
import io.scenicpass.server.db.Database;
import io.scenicpass.server.park.store.NoticeStore;
import io.scenicpass.server.park.store.WarningStore;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The park's notices (parking, transport, weather, general): operators add and delete them through the admin API;
 * {@link #current(LocalDate)} is what pages show for a visit day. A WEATHER notice warns that day's visitors
 * ({@link Warnings}), written in the notice's own transaction.
 */
public final class Notices {
    /** Longest span of one notice, in days. */
    static final int MAX_DAYS = 366;

    /** What {@code POST /admin/v1/notices} takes ({@code from}, {@code until}: visit days YYYY-MM-DD, inclusive). */
    public record Input(
            String kind,
            String severity,
            String titleZh,
            String titleEn,
            String bodyZh,
            String bodyEn,
            String from,
            String until) {}

    private final Database db;
    private final NoticeStore store;
    private final WarningStore warningStore;
    private final Warnings warnings;
    private final Clock clock;

    public Notices(Database db, NoticeStore store, WarningStore warningStore, Warnings warnings, Clock clock) {
        this.db = db;
        this.store = store;
        this.warningStore = warningStore;
        this.warnings = warnings;
        this.clock = clock;
    }

    /** Adds a notice (and, for WEATHER, its warnings, then tries to send them now); returns it with its id. */
    public Notice post(Input in) {
        Notice.Kind kind = parse(Notice.Kind.class, "kind", in.kind());
        Notice.Severity severity = parse(Notice.Severity.class, "severity", in.severity());
        LocalDate from = day("from", in.from());
        LocalDate until = day("until", in.until());
        if (until.isBefore(from)) {
            throw new ServiceException(Problem.BAD_REQUEST, "until must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, until) >= MAX_DAYS) {
            throw new ServiceException(Problem.BAD_REQUEST, "a notice spans at most " + MAX_DAYS + " days");
        }
        if (until.isBefore(warnings.today())) {
            throw new ServiceException(Problem.BAD_REQUEST, "until is in the past (today is " + warnings.today() + ")");
        }
        Notice n = new Notice(
                0,
                kind,
                severity,
                text("titleZh", in.titleZh(), 100),
                text("titleEn", in.titleEn(), 100),
                text("bodyZh", in.bodyZh(), 1000),
                text("bodyEn", in.bodyEn(), 1000),
                from,
                until,
                clock.instant());
        Notice added = db.tx(c -> {
            Notice a = store.add(c, n);
            warnings.fromNotice(c, a);
            return a;
        });
        warnings.deliver();
        return added;
    }

    /** Deletes a notice (its unsent warnings too); NOT_FOUND when there is none. */
    public void delete(long id) {
        boolean gone = db.tx(c -> {
            boolean d = store.delete(c, id, clock.instant());
            if (d) {
                warningStore.dropUnsent(c, "notice:" + id + ":");
            }
            return d;
        });
        if (!gone) {
            throw new ServiceException(Problem.NOT_FOUND, "no such notice", Long.toString(id));
        }
    }

    public Notice get(long id) {
        return db.read(c -> store.find(c, id))
                .orElseThrow(() -> new ServiceException(Problem.NOT_FOUND, "no such notice", Long.toString(id)));
    }

    /** The notices shown on visit day {@code day}: most severe first, then newest first. */
    public List<Notice> current(LocalDate day) {
        return db.read(c -> store.overlapping(c, day, day));
    }

    /** The notices of today and later days. */
    public List<Notice> upcoming() {
        return db.read(c -> store.overlapping(c, warnings.today(), LocalDate.of(9999, 12, 31)));
    }

    /** A visit day parameter (YYYY-MM-DD) or BAD_REQUEST naming it. */
    public static LocalDate day(String field, String v) {
        if (v == null) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required (a date YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " must be a date YYYY-MM-DD (was " + v + ")");
        }
    }

    private static String text(String field, String v, int max) {
        if (v == null || v.isBlank() || v.length() > max) {
            throw new ServiceException(Problem.BAD_REQUEST, field + " is required (1.." + max + " characters)");
        }
        return v.strip();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String field, String v) {
        try {
            return Enum.valueOf(type, v == null ? "" : v);
        } catch (IllegalArgumentException e) {
            throw new ServiceException(
                    Problem.BAD_REQUEST,
                    field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
