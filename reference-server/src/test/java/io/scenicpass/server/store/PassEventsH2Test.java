package io.scenicpass.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.scenicpass.server.db.Database;
import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.terminal.EntryIngestion;
import io.scenicpass.server.terminal.store.EntryEventStore;
import io.scenicpass.server.terminal.store.EntryEventStore.EntryRow;
import io.scenicpass.server.terminal.store.PassUseStore;
import io.scenicpass.server.terminal.store.PassUseStore.PassEvents;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pass's history is not read again at every upload: admissions already recorded as over-use conflicts are final
 * and left out of the replay (a device uploading the same pass 100,000 times made every later upload of that pass
 * read and sort all of them), and exits count up instead of being recounted from every exit event.
 */
class PassEventsH2Test {
    static final Instant T0 = Instant.parse("2026-06-02T02:00:00Z");

    @TempDir
    Path dir;

    @Test
    void recordedConflictsAreNotReplayedAndExitsCountUp() {
        Database db = new Database(
                "jdbc:h2:file:" + dir.resolve("db")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa",
                "",
                2);
        EntryEventStore entries = new EntryEventStore(db.dialect());
        PassUseStore passUse = new PassUseStore(db.dialect());
        try {
            Map<String, PassEvents> events = db.tx(c -> {
                List<EntryRow> rows = new ArrayList<>();
                rows.add(row("a0", "IN", "ACCEPTED", 0));
                for (int i = 1; i <= 300; i++) {
                    rows.add(row("a" + i, "IN", "OVERUSE_CONFLICT", i));
                }
                rows.add(row("b1", "IN", "ACCEPTED", 400)); // arrived since the last upload, not yet replayed
                rows.add(row("x1", "OUT", "ACCEPTED", 500));
                entries.insertAll(c, rows);
                TreeSet<String> p = new TreeSet<>(List.of("p"));
                passUse.lockPasses(c, p, T0);
                Map<String, PassEvents> read = EntryIngestion.standing(entries.admissions(c, p));
                passUse.updateUse(c, p, read, Map.of("p", 1), T0);
                passUse.updateUse(c, p, read, Map.of("p", 2), T0);
                return read;
            });
            assertThat(events.get("p").admissions())
                    .extracting(EntryEventStore.Admission::eventId)
                    .containsExactly("a0", "b1");
            int[] use = db.read(c -> Jdbc.one(c, "SELECT entries, exits FROM pass_use WHERE pass_id='p'", rs ->
                            new int[] {rs.getInt(1), rs.getInt(2)}))
                    .orElseThrow();
            assertThat(use).containsExactly(2, 3);
        } finally {
            db.close();
        }
    }

    private static EntryRow row(String id, String dir, String status, int at) {
        Instant t = T0.plusSeconds(at);
        return new EntryRow(id, "dev", "gate", "park", "p", dir, "QR", "ADMIT", null, t, t, false, 1, status, null, T0);
    }
}
