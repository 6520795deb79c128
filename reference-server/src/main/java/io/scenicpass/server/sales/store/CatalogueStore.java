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
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Products, options, units and prices. */
public final class CatalogueStore {

    public void insertProduct(Connection c, Product p, Instant now) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO product(id, internal_name, reference, time_zone, pass_kind, group_pass, zones,"
                        + " day_pool, cancel_cutoff_minutes, currency, active, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                p.id(),
                p.internalName(),
                p.reference(),
                p.timeZone(),
                p.passKind(),
                p.groupPass(),
                String.join(",", p.zones()),
                p.dayPool(),
                p.cancelCutoffMinutes(),
                p.currency(),
                p.active(),
                now.toEpochMilli());
    }

    public void updateProduct(Connection c, Product p) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE product SET internal_name=?, reference=?, time_zone=?, pass_kind=?, group_pass=?,"
                        + " zones=?, day_pool=?, cancel_cutoff_minutes=?, currency=?, active=? WHERE id=?",
                p.internalName(),
                p.reference(),
                p.timeZone(),
                p.passKind(),
                p.groupPass(),
                String.join(",", p.zones()),
                p.dayPool(),
                p.cancelCutoffMinutes(),
                p.currency(),
                p.active(),
                p.id());
    }

    public void insertOption(Connection c, ProductOption o, int sortOrder) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO product_option(id, product_id, internal_name, is_default, open_time, close_time,"
                        + " interval_minutes, slot_capacity, closed_weekdays, closed_dates, sort_order)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                o.id(),
                o.productId(),
                o.internalName(),
                o.isDefault(),
                o.openTime().toString(),
                o.closeTime().toString(),
                o.intervalMinutes(),
                o.slotCapacity(),
                joinEnums(o.closedWeekdays()),
                joinDates(o.closedDates()),
                sortOrder);
    }

    public void insertUnit(Connection c, Unit u, int sortOrder) throws SQLException {
        Jdbc.update(
                c,
                "INSERT INTO unit(id, option_id, unit_type, internal_name, min_age, max_age, id_required,"
                        + " pax_count, sort_order) VALUES (?,?,?,?,?,?,?,?,?)",
                u.id(),
                u.optionId(),
                u.type(),
                u.internalName(),
                u.minAge(),
                u.maxAge(),
                u.idRequired(),
                u.paxCount(),
                sortOrder);
    }

    /** Inserts or replaces a price. */
    public void putPrice(Connection c, Price p) throws SQLException {
        if (Jdbc.update(
                        c,
                        "UPDATE unit_price SET retail=?, net=? WHERE unit_id=? AND channel_id=?",
                        p.retail(),
                        p.net(),
                        p.unitId(),
                        p.channelId())
                == 0) {
            Jdbc.update(
                    c,
                    "INSERT INTO unit_price(unit_id, channel_id, retail, net) VALUES (?,?,?,?)",
                    p.unitId(),
                    p.channelId(),
                    p.retail(),
                    p.net());
        }
    }

    /** Removes a unit's price for one channel (the default then applies). */
    public void deletePrice(Connection c, String unitId, String channelId) throws SQLException {
        Jdbc.update(c, "DELETE FROM unit_price WHERE unit_id=? AND channel_id=?", unitId, channelId);
    }

    /** Every price row of an option's units, by unit then channel ("*" first). */
    public List<Price> allPrices(Connection c, String optionId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT p.* FROM unit_price p JOIN unit u ON u.id = p.unit_id WHERE u.option_id=?"
                        + " ORDER BY u.sort_order, u.id, p.channel_id",
                rs -> new Price(
                        rs.getString("unit_id"), rs.getString("channel_id"), rs.getLong("retail"), rs.getLong("net")),
                optionId);
    }

    public Optional<Unit> unit(Connection c, String unitId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM unit WHERE id=?", CatalogueStore::unit, unitId);
    }

    /** Changes a unit's real-name and concession rule (idRequired, minAge, maxAge). */
    public void updateUnitRule(Connection c, Unit u) throws SQLException {
        Jdbc.update(
                c,
                "UPDATE unit SET id_required=?, min_age=?, max_age=? WHERE id=?",
                u.idRequired(),
                u.minAge(),
                u.maxAge(),
                u.id());
    }

    public Optional<Product> product(Connection c, String id) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM product WHERE id=?", CatalogueStore::product, id);
    }

    public List<Product> products(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM product ORDER BY created_at, id", CatalogueStore::product);
    }

    public List<ProductOption> options(Connection c, String productId) throws SQLException {
        return Jdbc.list(
                c,
                "SELECT * FROM product_option WHERE product_id=? ORDER BY sort_order, id",
                CatalogueStore::option,
                productId);
    }

    public Optional<ProductOption> option(Connection c, String optionId) throws SQLException {
        return Jdbc.one(c, "SELECT * FROM product_option WHERE id=?", CatalogueStore::option, optionId);
    }

    public List<ProductOption> allOptions(Connection c) throws SQLException {
        return Jdbc.list(c, "SELECT * FROM product_option ORDER BY product_id, sort_order", CatalogueStore::option);
    }

    public void updateOptionCapacity(Connection c, String optionId, int slotCapacity) throws SQLException {
        Jdbc.update(c, "UPDATE product_option SET slot_capacity=? WHERE id=?", slotCapacity, optionId);
    }

    public List<Unit> units(Connection c, String optionId) throws SQLException {
        return Jdbc.list(
                c, "SELECT * FROM unit WHERE option_id=? ORDER BY sort_order, id", CatalogueStore::unit, optionId);
    }

    /** Prices of the units of an option for a channel: the channel's own price, else the default. */
    public List<Price> prices(Connection c, String optionId, String channelId) throws SQLException {
        List<Price> all = Jdbc.list(
                c,
                "SELECT p.* FROM unit_price p JOIN unit u ON u.id = p.unit_id"
                        + " WHERE u.option_id=? AND (p.channel_id=? OR p.channel_id='*')",
                rs -> new Price(
                        rs.getString("unit_id"), rs.getString("channel_id"), rs.getLong("retail"), rs.getLong("net")),
                optionId,
                channelId == null ? Price.ANY_CHANNEL : channelId);
        java.util.Map<String, Price> best = new java.util.LinkedHashMap<>();
        for (Price p : all) {
            Price old = best.get(p.unitId());
            if (old == null || Price.ANY_CHANNEL.equals(old.channelId())) {
                best.put(p.unitId(), p);
            }
        }
        return List.copyOf(best.values());
    }

    public void putDayPool(Connection c, String poolId, int capacity) throws SQLException {
        if (Jdbc.update(c, "UPDATE day_pool_default SET capacity=? WHERE pool_id=?", capacity, poolId) == 0) {
            Jdbc.update(c, "INSERT INTO day_pool_default(pool_id, capacity) VALUES (?,?)", poolId, capacity);
        }
    }

    private static Product product(ResultSet rs) throws SQLException {
        String zones = rs.getString("zones");
        return new Product(
                rs.getString("id"),
                rs.getString("internal_name"),
                rs.getString("reference"),
                rs.getString("time_zone"),
                rs.getString("pass_kind"),
                rs.getBoolean("group_pass"),
                zones == null || zones.isEmpty() ? List.of() : List.of(zones.split(",")),
                rs.getString("day_pool"),
                rs.getInt("cancel_cutoff_minutes"),
                rs.getString("currency"),
                rs.getBoolean("active"));
    }

    private static ProductOption option(ResultSet rs) throws SQLException {
        Set<DayOfWeek> wd = split(rs.getString("closed_weekdays")).stream()
                .map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        Set<LocalDate> dates = split(rs.getString("closed_dates")).stream()
                .map(LocalDate::parse)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return new ProductOption(
                rs.getString("id"),
                rs.getString("product_id"),
                rs.getString("internal_name"),
                rs.getBoolean("is_default"),
                LocalTime.parse(rs.getString("open_time")),
                LocalTime.parse(rs.getString("close_time")),
                rs.getInt("interval_minutes"),
                rs.getInt("slot_capacity"),
                wd,
                dates);
    }

    private static Unit unit(ResultSet rs) throws SQLException {
        return new Unit(
                rs.getString("id"),
                rs.getString("option_id"),
                rs.getString("unit_type"),
                rs.getString("internal_name"),
                Jdbc.intOrNull(rs, "min_age"),
                Jdbc.intOrNull(rs, "max_age"),
                rs.getBoolean("id_required"),
                rs.getInt("pax_count"));
    }

    private static List<String> split(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.asList(s.split(","));
    }

    private static String joinEnums(Set<DayOfWeek> s) {
        return s.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private static String joinDates(Set<LocalDate> s) {
        return s.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}
