package io.scenicpass.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a pass says: immutable, built with {@link #builder()}.
 *
 * <p>Times have one-minute resolution on the wire (to fit a pass in a version-7 QR code), so
 * {@link Builder#build()} normalises them: start times ({@code validFrom}, {@code slotStart},
 * {@code issuedAt}) are truncated to the minute, end times ({@code validUntil}, {@code slotEnd}) are
 * rounded up to the next whole minute. A decoded pass therefore equals the claims it was issued from.
 * For {@link PassKind#TIMED_SLOT} without an explicit slot, the slot is the validity window.
 */
public final class Claims {
    private final String passId;
    private final String issuerId;
    private final String productId;
    private final PassKind kind;
    private final Instant validFrom;
    private final Instant validUntil;
    private final Instant slotStart;
    private final Instant slotEnd;
    private final int entriesAllowed;
    private final ReentryPolicy reentry;
    private final List<ZoneAllowance> zones;
    private final int partySize;
    private final byte[] holderBinding;
    private final boolean concession;
    private final String channelId;
    private final boolean onlinePreferred;
    private final Integer minAge;
    private final Integer maxAge;
    private final int entriesPerDay;
    private final int daysAllowed;
    private final boolean activationRequired;
    private final Instant issuedAt;

    private Claims(Builder b) {
        this.passId = b.passId;
        this.issuerId = b.issuerId;
        this.productId = b.productId;
        this.kind = b.kind;
        this.validFrom = b.validFrom;
        this.validUntil = b.validUntil;
        this.slotStart = b.slotStart;
        this.slotEnd = b.slotEnd;
        this.entriesAllowed = b.entriesAllowed;
        this.reentry = b.reentry;
        this.zones = Collections.unmodifiableList(new ArrayList<>(b.zones));
        this.partySize = b.partySize;
        this.holderBinding = b.holderBinding == null ? null : b.holderBinding.clone();
        this.concession = b.concession;
        this.channelId = b.channelId;
        this.onlinePreferred = b.onlinePreferred;
        this.minAge = b.minAge;
        this.maxAge = b.maxAge;
        this.entriesPerDay = b.entriesPerDay;
        this.daysAllowed = b.daysAllowed;
        this.activationRequired = b.activationRequired;
        this.issuedAt = b.issuedAt;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder pre-filled with these claims. */
    public Builder toBuilder() {
        Builder b = new Builder()
                .passId(passId)
                .issuerId(issuerId)
                .productId(productId)
                .kind(kind)
                .validFrom(validFrom)
                .validUntil(validUntil)
                .entriesAllowed(entriesAllowed)
                .reentry(reentry)
                .zones(zones)
                .partySize(partySize)
                .concession(concession)
                .channelId(channelId)
                .onlinePreferred(onlinePreferred)
                .entriesPerDay(entriesPerDay)
                .daysAllowed(daysAllowed)
                .activationRequired(activationRequired)
                .issuedAt(issuedAt);
        b.slotStart = slotStart;
        b.slotEnd = slotEnd;
        b.holderBinding = holderBinding;
        b.minAge = minAge;
        b.maxAge = maxAge;
        return b;
    }

    /** Unique pass id. */
    public String passId() {
        return passId;
    }

    /** The issuer: the scenic area. */
    public String issuerId() {
        return issuerId;
    }

    /** The product sold. */
    public String productId() {
        return productId;
    }

    /** Kind of pass. */
    public PassKind kind() {
        return kind;
    }

    /** Start of validity (inclusive). */
    public Instant validFrom() {
        return validFrom;
    }

    /** End of validity (exclusive). */
    public Instant validUntil() {
        return validUntil;
    }

    /** Start of the reserved time slot, for timed passes. */
    public Optional<Instant> slotStart() {
        return Optional.ofNullable(slotStart);
    }

    /** End of the reserved time slot (exclusive), for timed passes. */
    public Optional<Instant> slotEnd() {
        return Optional.ofNullable(slotEnd);
    }

    /** Entries allowed in total; 0 = unlimited. */
    public int entriesAllowed() {
        return entriesAllowed;
    }

    /** Re-entry policy. */
    public ReentryPolicy reentry() {
        return reentry;
    }

    /** Zone allowances; empty = every zone. */
    public List<ZoneAllowance> zones() {
        return zones;
    }

    /** People admitted on this pass (1 unless a group pass). */
    public int partySize() {
        return partySize;
    }

    /** Keyed hash of the holder's identity document (see {@link HolderBinding}), if bound. */
    public Optional<byte[]> holderBinding() {
        return holderBinding == null ? Optional.empty() : Optional.of(holderBinding.clone());
    }

    /** Concession ticket (child, senior): the gate asks for an ID check. */
    public boolean concession() {
        return concession;
    }

    /** The sales channel, if known. */
    public Optional<String> channelId() {
        return Optional.ofNullable(channelId);
    }

    /**
     * "Online preferred": a gate that can reach the server asks it before admitting (with a short timeout,
     * falling back to the offline decision). Absent from the encoding when false, so older gates ignore it.
     */
    public boolean onlinePreferred() {
        return onlinePreferred;
    }

    /**
     * Youngest age (in whole years on the day of the visit) the ticket is for, e.g. 60 for a senior ticket;
     * a gate checks it against the date of birth an ID document carries. Empty when the ticket has no lower bound.
     */
    public OptionalInt minAge() {
        return minAge == null ? OptionalInt.empty() : OptionalInt.of(minAge);
    }

    /** Oldest age (whole years on the day of the visit, inclusive) the ticket is for, e.g. 18 for a child ticket. */
    public OptionalInt maxAge() {
        return maxAge == null ? OptionalInt.empty() : OptionalInt.of(maxAge);
    }

    /**
     * Entries allowed per day of the pass (e.g. 1 on an annual pass); 0 = no daily cap. Days are counted in 24-hour
     * steps from {@link #validFrom()} (see {@link #dayOf(Instant)}). Absent from the encoding when 0.
     */
    public int entriesPerDay() {
        return entriesPerDay;
    }

    /**
     * Days of the validity window on which the pass may be used (e.g. 3 days within a 7-day window); 0 = every day.
     * Absent from the encoding when 0.
     */
    public int daysAllowed() {
        return daysAllowed;
    }

    /**
     * The pass was sold but not activated yet (an annual pass before its holder activates it, which issues a new
     * pass): gates refuse it. Absent from the encoding when false.
     */
    public boolean activationRequired() {
        return activationRequired;
    }

    /**
     * The day of the pass {@code t} falls on: whole 24-hour steps since {@link #validFrom()} (0 = the first day; the
     * server starts multi-day and annual passes at the local midnight of their first day).
     */
    public long dayOf(Instant t) {
        return Math.floorDiv(t.getEpochSecond() - validFrom.getEpochSecond(), 86_400L);
    }

    /** When the pass was issued. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** True if {@code now} lies in [validFrom - early, validUntil + late). */
    public boolean isValidAt(Instant now, Duration early, Duration late) {
        return !now.isBefore(validFrom.minus(early)) && now.isBefore(validUntil.plus(late));
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Claims)) {
            return false;
        }
        Claims c = (Claims) o;
        return passId.equals(c.passId)
                && issuerId.equals(c.issuerId)
                && productId.equals(c.productId)
                && kind == c.kind
                && validFrom.equals(c.validFrom)
                && validUntil.equals(c.validUntil)
                && Objects.equals(slotStart, c.slotStart)
                && Objects.equals(slotEnd, c.slotEnd)
                && entriesAllowed == c.entriesAllowed
                && reentry == c.reentry
                && zones.equals(c.zones)
                && partySize == c.partySize
                && Arrays.equals(holderBinding, c.holderBinding)
                && concession == c.concession
                && Objects.equals(channelId, c.channelId)
                && onlinePreferred == c.onlinePreferred
                && Objects.equals(minAge, c.minAge)
                && Objects.equals(maxAge, c.maxAge)
                && entriesPerDay == c.entriesPerDay
                && daysAllowed == c.daysAllowed
                && activationRequired == c.activationRequired
                && issuedAt.equals(c.issuedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(passId, issuerId, productId, kind, validFrom, validUntil, issuedAt);
    }

    @Override
    public String toString() {
        return "Claims{passId=" + passId + ", issuer=" + issuerId + ", product=" + productId + ", kind=" + kind
                + ", valid=" + validFrom + ".." + validUntil
                + (slotStart == null ? "" : ", slot=" + slotStart + ".." + slotEnd)
                + ", entries=" + entriesAllowed + ", reentry=" + reentry + ", zones=" + zones
                + ", party=" + partySize + ", bound=" + (holderBinding != null) + ", concession=" + concession
                + ", channel=" + channelId + (onlinePreferred ? ", onlinePreferred" : "")
                + (minAge == null && maxAge == null ? "" : ", age=" + minAge + ".." + maxAge)
                + (entriesPerDay == 0 ? "" : ", perDay=" + entriesPerDay)
                + (daysAllowed == 0 ? "" : ", days=" + daysAllowed)
                + (activationRequired ? ", notActivated" : "")
                + ", issuedAt=" + issuedAt
                + "}";
    }

    /** Builder of {@link Claims}. Required: passId, issuerId, productId, validFrom, validUntil, issuedAt. */
    public static final class Builder {
        private String passId;
        private String issuerId;
        private String productId;
        private PassKind kind = PassKind.SINGLE_ENTRY;
        private Instant validFrom;
        private Instant validUntil;
        private Instant slotStart;
        private Instant slotEnd;
        private int entriesAllowed = 1;
        private ReentryPolicy reentry = ReentryPolicy.SINGLE;
        private final List<ZoneAllowance> zones = new ArrayList<>();
        private int partySize = 1;
        private byte[] holderBinding;
        private boolean concession;
        private String channelId;
        private boolean onlinePreferred;
        private Integer minAge;
        private Integer maxAge;
        private int entriesPerDay;
        private int daysAllowed;
        private boolean activationRequired;
        private Instant issuedAt;

        private Builder() {}

        /** Unique pass id (see {@link Ids#passId()} for the compact format). */
        public Builder passId(String v) {
            this.passId = v;
            return this;
        }

        /** The scenic area. */
        public Builder issuerId(String v) {
            this.issuerId = v;
            return this;
        }

        /** The product. */
        public Builder productId(String v) {
            this.productId = v;
            return this;
        }

        /** Kind (default SINGLE_ENTRY). */
        public Builder kind(PassKind v) {
            this.kind = Objects.requireNonNull(v);
            return this;
        }

        /** Start of validity. */
        public Builder validFrom(Instant v) {
            this.validFrom = v;
            return this;
        }

        /** End of validity (exclusive). */
        public Builder validUntil(Instant v) {
            this.validUntil = v;
            return this;
        }

        /** Reserved time slot [start, end). */
        public Builder slot(Instant start, Instant end) {
            this.slotStart = start;
            this.slotEnd = end;
            return this;
        }

        /** Entries allowed (default 1; 0 = unlimited). */
        public Builder entriesAllowed(int v) {
            this.entriesAllowed = v;
            return this;
        }

        /** Re-entry policy (default SINGLE). */
        public Builder reentry(ReentryPolicy v) {
            this.reentry = Objects.requireNonNull(v);
            return this;
        }

        /** Adds a zone allowance. */
        public Builder zone(String zoneId, int entries) {
            zones.add(ZoneAllowance.of(zoneId, entries));
            return this;
        }

        /** Replaces the zone allowances. */
        public Builder zones(List<ZoneAllowance> v) {
            zones.clear();
            zones.addAll(v);
            return this;
        }

        /** Party size (default 1). */
        public Builder partySize(int v) {
            this.partySize = v;
            return this;
        }

        /** Holder binding, 16 bytes from {@link HolderBinding#of}; null for none. */
        public Builder holderBinding(byte[] v) {
            this.holderBinding = v == null ? null : v.clone();
            return this;
        }

        /** Concession flag. */
        public Builder concession(boolean v) {
            this.concession = v;
            return this;
        }

        /** Sales channel; null for none. */
        public Builder channelId(String v) {
            this.channelId = v;
            return this;
        }

        /** "Online preferred" flag (default false): gates ask the server first when they can. */
        public Builder onlinePreferred(boolean v) {
            this.onlinePreferred = v;
            return this;
        }

        /** Youngest age the ticket is for (0..150); null for none. */
        public Builder minAge(Integer v) {
            this.minAge = v;
            return this;
        }

        /** Oldest age the ticket is for, inclusive (0..150); null for none. */
        public Builder maxAge(Integer v) {
            this.maxAge = v;
            return this;
        }

        /** Entries per day of the pass (default 0: no daily cap). */
        public Builder entriesPerDay(int v) {
            this.entriesPerDay = v;
            return this;
        }

        /** Days of the window the pass may be used on (default 0: every day). */
        public Builder daysAllowed(int v) {
            this.daysAllowed = v;
            return this;
        }

        /** Sold but not activated (default false): gates refuse it. */
        public Builder activationRequired(boolean v) {
            this.activationRequired = v;
            return this;
        }

        /** Issue time. */
        public Builder issuedAt(Instant v) {
            this.issuedAt = v;
            return this;
        }

        /**
         * Validates and builds (times normalised to whole minutes, see {@link Claims}).
         *
         * @throws IllegalArgumentException when a required claim is missing or inconsistent
         */
        public Claims build() {
            require(passId, "passId");
            require(issuerId, "issuerId");
            require(productId, "productId");
            if (validFrom == null || validUntil == null || issuedAt == null) {
                throw new IllegalArgumentException("validFrom, validUntil and issuedAt are required");
            }
            validFrom = floorMinute(validFrom);
            validUntil = ceilMinute(validUntil);
            issuedAt = floorMinute(issuedAt);
            if (validFrom.getEpochSecond() < 0) {
                throw new IllegalArgumentException("validFrom before 1970");
            }
            if (!validUntil.isAfter(validFrom)) {
                throw new IllegalArgumentException("validUntil must be after validFrom");
            }
            if ((slotStart == null) != (slotEnd == null)) {
                throw new IllegalArgumentException("slot needs both start and end");
            }
            if (slotStart == null && kind == PassKind.TIMED_SLOT) {
                slotStart = validFrom;
                slotEnd = validUntil;
            }
            if (slotStart != null) {
                slotStart = floorMinute(slotStart);
                slotEnd = ceilMinute(slotEnd);
                if (!slotEnd.isAfter(slotStart)) {
                    throw new IllegalArgumentException("slot end must be after slot start");
                }
            }
            if (entriesAllowed < 0 || partySize < 1) {
                throw new IllegalArgumentException("entriesAllowed >= 0 and partySize >= 1 required");
            }
            if (entriesPerDay < 0 || daysAllowed < 0) {
                throw new IllegalArgumentException("entriesPerDay and daysAllowed must be >= 0");
            }
            if (holderBinding != null && holderBinding.length == 0) {
                throw new IllegalArgumentException("holderBinding must not be empty");
            }
            if ((minAge != null && (minAge < 0 || minAge > 150)) || (maxAge != null && (maxAge < 0 || maxAge > 150))) {
                throw new IllegalArgumentException("ages must be 0..150");
            }
            if (minAge != null && maxAge != null && minAge > maxAge) {
                throw new IllegalArgumentException("minAge must not exceed maxAge");
            }
            if (channelId != null && channelId.isEmpty()) {
                throw new IllegalArgumentException("channelId must not be empty");
            }
            return new Claims(this);
        }

        private static void require(String v, String name) {
            if (v == null || v.isEmpty()) {
                throw new IllegalArgumentException(name + " is required");
            }
        }

        private static Instant floorMinute(Instant t) {
            return Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 60) * 60);
        }

        private static Instant ceilMinute(Instant t) {
            long s = t.getEpochSecond() + (t.getNano() > 0 ? 1 : 0);
            return Instant.ofEpochSecond(Math.floorDiv(s + 59, 60) * 60);
        }
    }
}
