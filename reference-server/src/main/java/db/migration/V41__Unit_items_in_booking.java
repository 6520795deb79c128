package db.migration;

import io.scenicpass.server.sales.store.Booking;
import io.scenicpass.server.sales.store.BookingStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A booking's unit items move into its row: a JSON array in {@code booking.unit_items} (format:
 * {@link BookingStore#itemsJson}) instead of the {@code unit_item} table, whose row and three index entries per
 * visitor were the largest part of a hold's database work (issue 5's hot-slot benchmark). Nothing looked a unit item
 * up other than through its booking. Existing items (with their pass ids) are copied over, then the table is
 * dropped. A Java migration because the JSON aggregation is not portable between H2 and PostgreSQL 15.
 */
public class V41__Unit_items_in_booking extends BaseJavaMigration {
    private static final int BATCH = 500;

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE booking ADD COLUMN unit_items VARCHAR");
        }
        try (Statement read = c.createStatement();
                PreparedStatement write = c.prepareStatement("UPDATE booking SET unit_items=? WHERE uuid=?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery("SELECT * FROM unit_item ORDER BY booking_uuid, position")) {
                String booking = null;
                List<Booking.UnitItem> items = new ArrayList<>();
                while (rs.next()) {
                    String b = rs.getString("booking_uuid");
                    if (booking != null && !booking.equals(b)) {
                        pending = add(write, booking, items, pending);
                        items = new ArrayList<>();
                    }
                    booking = b;
                    items.add(new Booking.UnitItem(
                            rs.getString("uuid"),
                            rs.getInt("position"),
                            rs.getString("unit_id"),
                            rs.getString("reseller_reference"),
                            rs.getString("supplier_reference"),
                            rs.getLong("retail"),
                            rs.getLong("net"),
                            rs.getString("pass_id")));
                }
                if (booking != null) {
                    pending = add(write, booking, items, pending);
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE unit_item");
        }
    }

    private static int add(PreparedStatement write, String booking, List<Booking.UnitItem> items, int pending)
            throws java.sql.SQLException {
        write.setString(1, BookingStore.itemsJson(items));
        write.setString(2, booking);
        write.addBatch();
        if (pending + 1 >= BATCH) {
            write.executeBatch();
            return 0;
        }
        return pending + 1;
    }
}
