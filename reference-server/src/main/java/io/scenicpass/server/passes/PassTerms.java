package io.scenicpass.server.passes;

import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.server.Problem;
import io.scenicpass.server.ServiceException;

/**
 * What a product's passes allow beyond a single entry, set by the operator ({@code PUT
 * /admin/v1/products/{id}/pass-terms}).
 *
 * @param reentry SINGLE, AFTER_EXIT (anti-passback) or UNLIMITED
 * @param entriesAllowed entries in total, 0 = unlimited (an N-entry pass: N)
 * @param entriesPerDay entries on one day, 0 = no daily cap (an annual pass: 1)
 * @param daysAllowed distinct days of the window the pass may be used on, 0 = every day (a multi-day pass: N)
 * @param windowDays days from the visit date the pass is valid (a 2-day pass: 2; 1 = the visit day)
 * @param validityMonths an annual pass: months of validity from activation (0 = not an annual pass)
 * @param activationDays an annual pass: days after purchase by which it must be activated
 * @param refundFee an annual pass: fee (minor units) kept from a refund of unused whole months
 */
public record PassTerms(
        String reentry,
        Integer entriesAllowed,
        Integer entriesPerDay,
        Integer daysAllowed,
        Integer windowDays,
        Integer validityMonths,
        Integer activationDays,
        Long refundFee) {

    /** The terms of a product kind when the operator set none beyond the kind (ANNUAL: 1 entry a day, 12 months). */
    public static PassTerms annualDefaults() {
        return new PassTerms("UNLIMITED", 0, 1, 0, 1, 12, 90, 0L);
    }

    /** Whether passes under these terms are annual passes (activated, frozen, renewed, refunded pro rata). */
    public boolean annual() {
        return validityMonths != null && validityMonths > 0;
    }

    public ReentryPolicy reentryPolicy() {
        return ReentryPolicy.valueOf(reentry);
    }

    /** These terms with the defaults filled in, or BAD_REQUEST naming the first field out of range. */
    public PassTerms validated() {
        String r = reentry == null ? "SINGLE" : reentry;
        if (!r.equals("SINGLE") && !r.equals("AFTER_EXIT") && !r.equals("UNLIMITED")) {
            throw bad("reentry must be SINGLE, AFTER_EXIT or UNLIMITED");
        }
        int months = or(validityMonths, 0);
        PassTerms t = new PassTerms(
                r,
                or(entriesAllowed, r.equals("SINGLE") ? 1 : 0),
                or(entriesPerDay, 0),
                or(daysAllowed, 0),
                or(windowDays, 1),
                months,
                or(activationDays, months > 0 ? 90 : 0),
                refundFee == null ? 0L : refundFee);
        check("entriesAllowed", t.entriesAllowed, 0, 1000);
        check("entriesPerDay", t.entriesPerDay, 0, 100);
        check("windowDays", t.windowDays, 1, 366);
        check("daysAllowed", t.daysAllowed, 0, t.windowDays);
        check("validityMonths", t.validityMonths, 0, 36);
        check("activationDays", t.activationDays, 0, 366);
        if (t.refundFee < 0 || t.refundFee > 10_000_000) {
            throw bad("refundFee must be 0..10000000 (minor units)");
        }
        if (r.equals("SINGLE") && t.entriesAllowed != 1) {
            throw bad("a SINGLE pass allows exactly one entry: entriesAllowed must be 1 (or use AFTER_EXIT/UNLIMITED)");
        }
        if (t.annual() && t.activationDays < 1) {
            throw bad("an annual pass needs activationDays 1..366");
        }
        return t;
    }

    private static int or(Integer v, int d) {
        return v == null ? d : v;
    }

    private static void check(String name, int v, int min, int max) {
        if (v < min || v > max) {
            throw bad(name + " must be " + min + ".." + max);
        }
    }

    private static ServiceException bad(String message) {
        return new ServiceException(Problem.BAD_REQUEST, message);
    }
}
