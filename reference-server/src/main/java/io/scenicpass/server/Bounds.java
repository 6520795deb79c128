package io.scenicpass.server;

/**
 * The documented ranges of operator-set numbers (docs/operations.md, "Admin input bounds"), checked by the services
 * so that no caller can store a value that later overflows a sum or stalls a rate limiter.
 */
public final class Bounds {
    /** Places of a slot, an allotment, a day pool or a capacity move. */
    public static final int MAX_CAPACITY = 1_000_000;
    /** Requests per second of a channel, and its burst. */
    public static final int MAX_RATE = 100_000;
    /** Gate tolerances before and after a slot, in seconds (one day). */
    public static final long MAX_TOLERANCE_SECONDS = 86_400;
    /** Cancellation cutoff before a slot, in minutes (one year). */
    public static final int MAX_CUTOFF_MINUTES = 525_600;
    /** Visitor ages of a unit. */
    public static final int MAX_AGE = 150;
    /** Visitors covered by one unit. */
    public static final int MAX_PAX = 100;
    /** Entries of a list in an admin body (rules, messages, credentials). */
    public static final int MAX_LIST = 1_000;

    private Bounds() {}

    /** {@code value} itself when within {@code min..max}, else BAD_REQUEST naming the field and the range. */
    public static long check(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new ServiceException(
                    Problem.BAD_REQUEST, field + " must be " + min + ".." + max + " (was " + value + ")");
        }
        return value;
    }

    /** A capacity: 0..{@value #MAX_CAPACITY}. */
    public static int capacity(String field, int value) {
        return (int) check(field, value, 0, MAX_CAPACITY);
    }

    /** A list's size: at most {@value #MAX_LIST} entries (null counts as empty). */
    public static void listSize(String field, java.util.Collection<?> list) {
        if (list != null) {
            check(field + " entries", list.size(), 0, MAX_LIST);
        }
    }
}
