package io.scenicpass.server.sales.store;

import static io.scenicpass.server.sales.store.BookingStore.instant;
import static io.scenicpass.server.sales.store.BookingStore.items;
import static io.scenicpass.server.sales.store.BookingStore.itemsJson;
import static io.scenicpass.server.sales.store.BookingStore.millis;

import io.scenicpass.server.sales.BookingState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/** A booking's row in table {@code booking}: its columns, the statements that insert it, and reading it back. */
final class BookingRows {

    private BookingRows() {}

    private static final String BOOKING_COLUMNS = "uuid, channel_id, product_id, option_id, slot_id, pool_id,"
            + " local_date, status, quantity, from_allotment, request_hash, reseller_reference, supplier_reference,"
            + " contact_json, notes, currency, total_retail, total_net, expires_at, created_at, updated_at, unit_items";
    static final String INSERT_BOOKING =
            "INSERT INTO booking(" + BOOKING_COLUMNS + ")" + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    /** Array element types of the booking columns, in {@link #BOOKING_COLUMNS} order (dates travel as text). */
    private static final String[] BOOKING_TYPES = {
        "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "int4", "int4",
        "varchar", "varchar", "varchar", "varchar", "varchar", "varchar", "int8", "int8", "int8", "int8", "int8",
        "varchar"
    };

    static final String PG_HOLD_AND_INSERT =
            "WITH h AS (UPDATE slot SET held = held + ? WHERE id = ? AND NOT closed AND held + sold + ? <= capacity"
                    + " RETURNING id)"
                    + " INSERT INTO booking(" + BOOKING_COLUMNS + ") SELECT t.c1, t.c2, t.c3, t.c4, t.c5, t.c6,"
                    + " t.c7::date, t.c8, t.c9, t.c10, t.c11, t.c12, t.c13, t.c14, t.c15, t.c16, t.c17, t.c18, t.c19, t.c20, t.c21,"
                    + " t.c22 FROM h CROSS JOIN unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::varchar[], ?::varchar[], ?::int4[], ?::int4[], ?::varchar[], ?::varchar[], ?::varchar[],"
                    + " ?::varchar[], ?::varchar[], ?::varchar[], ?::int8[], ?::int8[], ?::int8[], ?::int8[], ?::int8[],"
                    + " ?::varchar[])"
                    + " AS t(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22)";

    /**
     * Binds the bookings of {@code list} column by column, in {@link #BOOKING_COLUMNS} order, as the arrays of
     * {@link #PG_HOLD_AND_INSERT} from parameter {@code p} on.
     */
    static void bindColumns(Connection c, PreparedStatement ps, int p, List<Booking> list) throws SQLException {
        Object[][] cols = new Object[BOOKING_TYPES.length][list.size()];
        for (int i = 0; i < list.size(); i++) {
            Object[] row = bookingRow(list.get(i));
            for (int j = 0; j < row.length; j++) {
                cols[j][i] = row[j] instanceof LocalDate ? row[j].toString() : row[j];
            }
        }
        for (int j = 0; j < BOOKING_TYPES.length; j++) {
            ps.setArray(p++, c.createArrayOf(BOOKING_TYPES[j], typed(BOOKING_TYPES[j], cols[j])));
        }
    }

    /** A booking's values in {@link #BOOKING_COLUMNS} order. */
    static Object[] bookingRow(Booking b) {
        return new Object[] {
            b.uuid(),
            b.channelId(),
            b.productId(),
            b.optionId(),
            b.slotId(),
            b.poolId(),
            b.localDate(),
            b.status().name(),
            b.quantity(),
            b.fromAllotment(),
            b.requestHash(),
            b.resellerReference(),
            b.supplierReference(),
            b.contactJson(),
            b.notes(),
            b.currency(),
            b.totalRetail(),
            b.totalNet(),
            millis(b.expiresAt()),
            millis(b.createdAt()),
            millis(b.updatedAt()),
            itemsJson(b.unitItems())
        };
    }

    private static Object[] typed(String type, Object[] values) {
        switch (type) {
            case "int4":
                Integer[] ints = new Integer[values.length];
                for (int i = 0; i < values.length; i++) {
                    ints[i] = (Integer) values[i];
                }
                return ints;
            case "int8":
                Long[] longs = new Long[values.length];
                for (int i = 0; i < values.length; i++) {
                    longs[i] = (Long) values[i];
                }
                return longs;
            default:
                String[] strings = new String[values.length];
                for (int i = 0; i < values.length; i++) {
                    strings[i] = (String) values[i];
                }
                return strings;
        }
    }

    /** The booking of the current row of a {@code SELECT * FROM booking}. */
    static Booking booking(ResultSet rs) throws SQLException {
        return new Booking(
                rs.getString("uuid"),
                rs.getString("channel_id"),
                rs.getString("product_id"),
                rs.getString("option_id"),
                rs.getString("slot_id"),
                rs.getString("pool_id"),
                rs.getObject("local_date", LocalDate.class),
                BookingState.valueOf(rs.getString("status")),
                rs.getInt("quantity"),
                rs.getInt("from_allotment"),
                rs.getString("request_hash"),
                rs.getString("reseller_reference"),
                rs.getString("supplier_reference"),
                rs.getString("contact_json"),
                rs.getString("notes"),
                rs.getString("currency"),
                rs.getLong("total_retail"),
                rs.getLong("total_net"),
                instant(rs, "expires_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                instant(rs, "confirmed_at"),
                instant(rs, "cancelled_at"),
                instant(rs, "redeemed_at"),
                rs.getString("cancel_refund"),
                rs.getString("cancel_reason"),
                items(rs.getString("unit_items")));
    }
}
