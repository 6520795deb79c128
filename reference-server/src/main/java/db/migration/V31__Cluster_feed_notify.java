package db.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * On PostgreSQL only: every insert into the revocation log or the blacklist log NOTIFYs
 * {@code scenicpass_cluster} with {@code feed:REVOCATION} / {@code feed:BLACKLIST}, inside the writer's
 * transaction — PostgreSQL delivers it on commit only, once per transaction, to every listening server node, whose
 * push hub then reads the log at once instead of waiting for its next poll. Whoever writes the log (a cancel, a
 * blacklist change, an operator with psql) wakes the nodes. The embedded H2 database is a single node: nothing to do
 * there (its push hub polls). A Java migration because the trigger body is PostgreSQL-only; Flyway finds it in the
 * {@code db.migration} package next to the SQL migrations.
 */
public class V31__Cluster_feed_notify extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION scenicpass_feed_notify() RETURNS trigger LANGUAGE plpgsql AS $$"
                    + " BEGIN PERFORM pg_notify('scenicpass_cluster', 'feed:' || TG_ARGV[0]); RETURN NULL; END $$");
            st.execute("CREATE TRIGGER revocation_notify AFTER INSERT ON revocation FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION scenicpass_feed_notify('REVOCATION')");
            st.execute("CREATE TRIGGER blacklist_notify AFTER INSERT ON blacklist_log FOR EACH STATEMENT"
                    + " EXECUTE FUNCTION scenicpass_feed_notify('BLACKLIST')");
        }
    }
}
