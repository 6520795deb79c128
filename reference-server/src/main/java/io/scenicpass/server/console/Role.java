package io.scenicpass.server.console;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The roles of operators, each a fixed set of {@link Right}s (the table in docs/operations.md § Operators). */
public enum Role {
    ADMINISTRATOR(EnumSet.allOf(Right.class)),
    FINANCE(EnumSet.of(Right.VIEW, Right.BOOKINGS_REFUND, Right.REPORTS_READ, Right.SETTLEMENT_READ, Right.AUDIT_READ)),
    MARKETING(EnumSet.of(
            Right.VIEW,
            Right.CATALOGUE_WRITE,
            Right.CHANNELS_WRITE,
            Right.NOTICES_WRITE,
            Right.REPORTS_READ,
            Right.OFFERS_WRITE)),
    GATE_SUPERVISOR(
            EnumSet.of(Right.VIEW, Right.DEVICES_WRITE, Right.BLACKLIST_WRITE, Right.FLOW_WRITE, Right.NOTICES_WRITE)),
    READ_ONLY(EnumSet.of(Right.VIEW, Right.REPORTS_READ));

    private final Set<Right> rights;

    Role(Set<Right> rights) {
        this.rights = java.util.Collections.unmodifiableSet(rights);
    }

    public Set<Right> rights() {
        return rights;
    }

    public boolean has(Right r) {
        return rights.contains(r);
    }

    /** The role named {@code s} (case-insensitive, '-' or '_'), or null when there is none. */
    public static Role parse(String s) {
        if (s == null) {
            return null;
        }
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
