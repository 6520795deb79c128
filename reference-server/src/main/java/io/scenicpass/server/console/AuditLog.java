package io.scenicpass.server.console;

import io.scenicpass.server.console.store.AuditStore;
import io.scenicpass.server.console.store.AuditStore.Entry;
import io.scenicpass.server.db.Database;
import java.time.Clock;
import java.util.List;

/** The audit log: who changed what and when, through the admin API or the console. */
public final class AuditLog {
    private final Database db;
    private final AuditStore store;
    private final Clock clock;

    public AuditLog(Database db, AuditStore store, Clock clock) {
        this.db = db;
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends a change by {@code who}: {@code action} (an API route such as {@code PUT /admin/v1/slots/{slotId}} or a
     * console action name), its {@code target} ids and a {@code summary} free of secrets and personal data.
     */
    public void record(Principal who, String via, String action, String target, String summary, int status) {
        db.tx(c -> {
            store.append(
                    c,
                    new Entry(
                            0,
                            clock.instant(),
                            who.actor(),
                            who.operatorId(),
                            via,
                            cut(action, 200),
                            cut(target, 300),
                            cut(summary, 2000),
                            status));
            return null;
        });
    }

    public List<Entry> read(AuditStore.Filter f) {
        return db.read(c -> store.read(c, f));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
