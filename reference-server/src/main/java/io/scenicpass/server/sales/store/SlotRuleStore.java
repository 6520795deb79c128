package io.scenicpass.server.sales.store;

import io.scenicpass.server.db.Jdbc;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Slot rules from a date on, closures of date ranges, and the day-wide slot queries they need (V90). */
public final class SlotRuleStore {

    /** An option's rule for the days from {@code validFrom} on (until a later rule). */
    public record SlotRule(
            String optionId,
            LocalDate validFrom,
            LocalTime openTime,
            LocalTime closeTime,
            int intervalMinutes,
            int slotCapacity,
            Set<DayOfWeek> closedWeekdays,
            String createdBy) {

        /** The option with this rule's hours, interval, capacity and weekdays (its closed dates kept). */
        public ProductOption applyTo(ProductOption o) {
            return new ProductOption(
                    o.id(),
                    o.productId(),
                    o.internalName(),
                    o.isDefault(),
                    openTime,
                    closeTime,
                    intervalMinutes,
                    slotCapacity,
                    closedWeekdays,
                    o.closedDates());
        }
    }

    /** A closure of [firstDay, lastDay] for one option, or every option of the product when optionId is null. */
    public record Closure(
            long id,
            String productId,
            String optionId,
            LocalDate firstDay,
            LocalDate lastDay,
            String reason,
            String createdBy,
            Instant createdAt,
            boolean lifted) {
        public boolean covers(String option, LocalDate d) {
            return !lifted
                    && (optionId == null || optionId.equals(option))
                    && !d.isBefore(firstDay)
                    && !d.isAfter(lastDay);
        }
    }

    /** An option's rule changes, oldest first. */
    public List<SlotRule> rules(Connection c, String optionId) throws SQLException {
        return Jdbc.list(
                c, "SELECT * FROM slot_rule WHERE option_id=? ORDER BY valid_from", SlotRuleStore::rule, optionId);
    }

    /** Puts a rule from its date on and drops the later ones: "from this date on" means every later day. */
    public void putRule(Connection c, SlotRule r, Instant now) throws SQLException {
        Jdbc.update(c, "DELETE FROM slot_rule WHERE option_id=? AND valid_from >= ?", r.optionId(), r.validFrom());
        Jdbc.update(
                c,
                "INSERT INTO slot_rule(option_id, valid_from, open_time, close_time, interval_minutes, slot_capacity,"
                        + " closed_weekdays, created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                r.optionId(),
                r.validFrom(),
                r.openTime().toString(),
                r.closeTime().toString(),
                r.intervalMinutes(),
                r.slotCapacity(),
                r.closedWeekdays().stream().map(Enum::name).collect(Collectors.joining(",")),
                r.createdBy(),
                now.toEpochMilli());
    }

    public long insertClosure(Connection c, Closure k, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO slot_closure(product_id, option_id, first_day, last_day, reason, created_by, created_at)"
                        + " VALUES (?,?,?,?,?,?,?)",
                k.productId(),
                k.optionId(),
                k.firstDay(),
                k.lastDay(),
                k.reason(),
                k.createdBy(),
                now.toEpochMilli());
        return Jdbc.one(
                        c,
                        "SELECT MAX(id) AS id FROM slot_closure WHERE product_id=? AND created_at=?",
                        rs -> rs.getLong("id"),
                        k.productId(),
                        now.toEpochMilli())
                .orElseThrow();
    }

    /** Lifts a closure; false when there is none or it was lifted already. */
    public boolean lift(Connection c, long id, Instant now) throws SQLException {
        return Jdbc.update(
                        c,
                        "UPDATE slot_closure SET lifted_at=? WHERE id=? AND lifted_at IS NULL",
                        now.toEpochMilli(),
                        id)
                == 1;
    }

    public java.util.Optional<Closure> closure(Connection c, long id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM slot_closure WHERE id=?", SlotRuleStore::closure, id);
    }

    /** The product's closures (lifted ones too) that end on or after {@code from}, by first day. */
    public List<Closure> closures(Connection c, String productId, LocalDate from) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM slot_closure WHERE product_id=? AND last_day >= ? ORDER BY first_day, id",
                SlotRuleStore::closure,
                productId,
                from);
    }

    /** Closes (or reopens) every slot of the option on the days of [first, last]. */
    public int setClosed(Connection c, String optionId, LocalDate first, LocalDate last, boolean closed)
            throws SQLException {
        return Jdbc.update(
                c,
                "UPDATE slot SET closed=? WHERE option_id=? AND local_date BETWEEN ? AND ?",
                closed,
                optionId,
                first,
                last);
    }

    /** The dates of [from, to] on which the option has slots. */
    public List<LocalDate> generatedDays(Connection c, String optionId, LocalDate from, LocalDate to)
            throws SQLException {
        return Jdbc.list(
                c,
                "SELECT DISTINCT local_date FROM slot WHERE option_id=? AND local_date BETWEEN ? AND ?"
                        + " ORDER BY local_date",
                rs -> rs.getObject("local_date", LocalDate.class),
                optionId,
                from,
                to);
    }

    /** Locks the option's slots of one day and returns them (the day's rows in key order, like every path). */
    public List<Slot> lockDay(Connection c, String optionId, LocalDate date) throws SQLException {
        List<String> ids = Jdbc.list(
                c,
                "SELECT id FROM slot WHERE option_id=? AND local_date=? ORDER BY id FOR UPDATE",
                rs -> rs.getString("id"),
                optionId,
                date);
        InventoryStore inv = new InventoryStore();
        List<Slot> out = new java.util.ArrayList<>();
        for (String id : ids) {
            inv.slot(c, id).ifPresent(out::add);
        }
        return out;
    }

    /** Whether any slot of the day has a booking (of any state) or a channel's allotment. */
    public boolean dayReferenced(Connection c, String optionId, LocalDate date) throws SQLException {
        return Jdbc.one(
                                c,
                                "SELECT 1 FROM booking WHERE option_id=? AND local_date=? FETCH FIRST 1 ROWS ONLY",
                                rs -> 1,
                                optionId,
                                date)
                        .isPresent()
                || Jdbc.one(
                                c,
                                "SELECT 1 FROM allotment a JOIN slot s ON s.id = a.slot_id"
                                        + " WHERE s.option_id=? AND s.local_date=? FETCH FIRST 1 ROWS ONLY",
                                rs -> 1,
                                optionId,
                                date)
                        .isPresent();
    }

    /** Deletes the option's slots of one day (the caller checked, under the day's lock, that nothing refers to them). */
    public void deleteDay(Connection c, String optionId, LocalDate date) throws SQLException {
        Jdbc.update(c, "DELETE FROM slot WHERE option_id=? AND local_date=? AND held=0 AND sold=0", optionId, date);
    }

    /** Confirmed bookings per date of [first, last] of the product (one option when optionId is given). */
    public record Affected(LocalDate date, int bookings, int visitors) {}

    public List<Affected> affected(Connection c, String productId, String optionId, LocalDate first, LocalDate last)
            throws SQLException {
        String sql = "SELECT local_date, COUNT(*) AS n, SUM(quantity) AS q FROM booking WHERE product_id=?"
                + (optionId == null ? "" : " AND option_id=?")
                + " AND local_date BETWEEN ? AND ? AND status='CONFIRMED' GROUP BY local_date ORDER BY local_date";
        Jdbc.Row<Affected> row =
                rs -> new Affected(rs.getObject("local_date", LocalDate.class), rs.getInt("n"), rs.getInt("q"));
        return optionId == null
                ? Jdbc.list(c, sql, row, productId, first, last)
                : Jdbc.list(c, sql, row, productId, optionId, first, last);
    }

    private static SlotRule rule(ResultSet rs) throws SQLException {
        String wd = rs.getString("closed_weekdays");
        return new SlotRule(
                rs.getString("option_id"),
                rs.getObject("valid_from", LocalDate.class),
                LocalTime.parse(rs.getString("open_time")),
                LocalTime.parse(rs.getString("close_time")),
                rs.getInt("interval_minutes"),
                rs.getInt("slot_capacity"),
                wd == null || wd.isBlank()
                        ? Set.of()
                        : Arrays.stream(wd.split(","))
                                .map(DayOfWeek::valueOf)
                                .collect(Collectors.toCollection(LinkedHashSet::new)),
                rs.getString("created_by"));
    }

    private static Closure closure(ResultSet rs) throws SQLException {
        return new Closure(
                rs.getLong("id"),
                rs.getString("product_id"),
                rs.getString("option_id"),
                rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class),
                rs.getString("reason"),
                rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.getObject("lifted_at") != null);
    }
}
