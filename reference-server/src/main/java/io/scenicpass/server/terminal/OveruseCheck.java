package io.scenicpass.server.terminal;

import io.scenicpass.core.Claims;
import io.scenicpass.core.ReentryPolicy;
import io.scenicpass.core.ZoneAllowance;
import io.scenicpass.server.sales.store.PassRecord;
import io.scenicpass.server.terminal.store.ConflictStore.Conflict;
import io.scenicpass.server.terminal.store.EntryEventStore.Admission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The over-use check of one pass's new admissions against its allowance, the server's copy of the gate's entry-count
 * rule (sdk-terminal {@code EntryCountRule}): in total (single-entry policy, {@code entriesAllowed}), per zone, and per
 * day of the pass ({@code entriesPerDay}, days as {@link Claims#dayOf}: the gate's ALREADY_ENTERED_TODAY).
 */
final class OveruseCheck {
    /** In the message of a conflict with the daily allowance (the online claim answers ALREADY_ENTERED_TODAY). */
    static final String ON_THIS_DAY = "on this day of the pass";

    /** Conflicts not recorded yet, with their messages, in the order found (recorded with two batches). */
    static final class Found {
        final List<Conflict> conflicts = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
    }

    private OveruseCheck() {}

    /**
     * Checks this upload's standing admissions of a pass ({@code fresh}) against its allowance (total, single-entry
     * policy, per zone, per day). The admissions the server acknowledged before count first and are never judged
     * again, whatever their times; the fresh ones follow in time order, and each that finds the allowance used is a
     * conflict (added to {@code found}, blaming the latest counted admission — of its zone or day, for those
     * allowances). Returns the conflicts' messages by event id.
     */
    static Map<String, String> check(
            PassRecord pass, List<Admission> all, Set<String> fresh, Instant now, Found found, Claims claims) {
        Map<String, String> out = new HashMap<>();
        if (claims == null) {
            return out;
        }
        int total = claims.reentry() == ReentryPolicy.SINGLE ? 1 : claims.entriesAllowed();
        if (claims.entriesAllowed() > 0) {
            total = total == 0 ? claims.entriesAllowed() : Math.min(total, claims.entriesAllowed());
        }
        int perDay = claims.entriesPerDay();
        Map<String, Integer> zoneCaps = new HashMap<>();
        for (ZoneAllowance z : claims.zones()) {
            if (z.entries() > 0) {
                zoneCaps.put(z.zoneId(), z.entries());
            }
        }
        List<Admission> counted = new ArrayList<>();
        List<Admission> arriving = new ArrayList<>();
        Map<String, Integer> perZone = new HashMap<>();
        Map<Long, Integer> onDay = new HashMap<>();
        for (Admission a : all) {
            if (fresh.contains(a.eventId())) {
                arriving.add(a);
            } else {
                count(a, counted, perZone, onDay, claims);
            }
        }
        for (Admission a : arriving) {
            Integer zc = a.zoneId() == null ? null : zoneCaps.get(a.zoneId());
            long day = claims.dayOf(a.time());
            boolean overTotal = total > 0 && counted.size() >= total;
            boolean overZone = !overTotal && zc != null && perZone.getOrDefault(a.zoneId(), 0) >= zc;
            boolean overDay = !overTotal && !overZone && perDay > 0 && onDay.getOrDefault(day, 0) >= perDay;
            if (!overTotal && !overZone && !overDay) {
                count(a, counted, perZone, onDay, claims);
                continue;
            }
            int allowed = overTotal ? Math.max(total, 1) : overZone ? zc : perDay;
            Admission prior = overDay ? latestOn(counted, day, claims) : latest(counted, overTotal ? null : a.zoneId());
            String msg = "pass " + pass.passId() + " was already admitted"
                    + (prior == null ? "" : " at gate " + prior.gateId() + " at " + prior.time()) + " (allowance "
                    + allowed
                    + (overZone ? " in zone " + a.zoneId() : overDay ? " " + ON_THIS_DAY : "") + ")";
            found.conflicts.add(new Conflict(
                    0,
                    a.eventId(),
                    pass.passId(),
                    a.deviceId(),
                    a.gateId(),
                    a.time(),
                    prior == null ? null : prior.eventId(),
                    prior == null ? null : prior.gateId(),
                    prior == null ? null : prior.time(),
                    allowed,
                    now));
            found.messages.add(msg);
            out.put(a.eventId(), msg);
        }
        return out;
    }

    private static void count(
            Admission a, List<Admission> counted, Map<String, Integer> perZone, Map<Long, Integer> onDay, Claims c) {
        counted.add(a);
        if (a.zoneId() != null) {
            perZone.merge(a.zoneId(), 1, Integer::sum);
        }
        onDay.merge(c.dayOf(a.time()), 1, Integer::sum);
    }

    /** The counted admission with the latest time (in {@code zoneId} when not null), or null. */
    private static Admission latest(List<Admission> counted, String zoneId) {
        Admission best = null;
        for (Admission a : counted) {
            if ((zoneId == null || zoneId.equals(a.zoneId()))
                    && (best == null || !a.time().isBefore(best.time()))) {
                best = a;
            }
        }
        return best;
    }

    /** The counted admission with the latest time on day {@code day} of the pass, or null. */
    private static Admission latestOn(List<Admission> counted, long day, Claims claims) {
        Admission best = null;
        for (Admission a : counted) {
            if (claims.dayOf(a.time()) == day && (best == null || !a.time().isBefore(best.time()))) {
                best = a;
            }
        }
        return best;
    }
}
