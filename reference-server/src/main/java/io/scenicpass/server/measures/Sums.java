package io.scenicpass.server.measures;

/**
 * The sums of one park day and channel (a row of the rollup, {@code measure_day}), from which every measure is a
 * ratio (docs/operations.md § Measures). Sums add up over days and channels; ratios do not, so they are taken last.
 */
public record Sums(
        long ticketsFen,
        long bookings,
        long packageBookings,
        long admitted,
        long receiptsFen,
        long visitors,
        long returners,
        long dwellMs,
        long dwellVisits,
        long offered,
        long redeemed) {
    /** How many sums there are (the columns of {@code measure_day} after day and channel, in this order). */
    public static final int SIZE = 11;

    public static final Sums ZERO = of(new long[SIZE]);

    /** The sums in the order of the record's components. */
    public static Sums of(long[] v) {
        return new Sums(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    public long[] values() {
        return new long[] {
            ticketsFen,
            bookings,
            packageBookings,
            admitted,
            receiptsFen,
            visitors,
            returners,
            dwellMs,
            dwellVisits,
            offered,
            redeemed
        };
    }

    public Sums plus(Sums o) {
        long[] a = values();
        long[] b = o.values();
        for (int i = 0; i < SIZE; i++) {
            a[i] += b[i];
        }
        return of(a);
    }
}
