package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign key from {@code booking.channel_id} to {@code channel}: per booking it cost a referential
 * check on PostgreSQL (a trigger running a key-share lock query on the channel row, inside the hot slot's
 * statement) and an index of its own on H2 (one more B-tree written per commit; H2 does not reuse
 * {@code booking_by_reseller_ref}, which starts with the same column). Issue 5's hot-slot benchmark. What it
 * guarded cannot happen: a booking's channel id is the authenticated caller's, and channels are never deleted
 * (they are deactivated). A Java migration because the constraint's generated name differs between H2 and
 * PostgreSQL.
 */
public class V42__Booking_channel_without_foreign_key extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        DatabaseMetaData md = c.getMetaData();
        List<String> names = new ArrayList<>();
        for (String table : new String[] {"booking", "BOOKING"}) {
            try (ResultSet rs = md.getImportedKeys(null, null, table)) {
                while (rs.next()) {
                    if ("channel_id".equalsIgnoreCase(rs.getString("FKCOLUMN_NAME"))
                            && "channel".equalsIgnoreCase(rs.getString("PKTABLE_NAME"))) {
                        names.add(rs.getString("FK_NAME"));
                    }
                }
            }
            if (!names.isEmpty()) {
                break;
            }
        }
        try (Statement st = c.createStatement()) {
            for (String name : names) {
                st.execute("ALTER TABLE booking DROP CONSTRAINT \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
