package io.scenicpass.server.counter.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scenicpass.server.db.Jdbc;
import io.scenicpass.server.sales.store.Slot;
import io.scenicpass.terminal.counter.OfflineCounter;
import io.scenicpass.terminal.counter.OfflineItem;
import io.scenicpass.terminal.counter.OfflineSale;
import io.scenicpass.terminal.counter.OfflineSyncReport;
import io.scenicpass.terminal.sync.SyncErrorCode;
import io.scenicpass.terminal.sync.SyncException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK's OfflineCounter against the real server: crashes and lost answers never sync a sale twice, nor lose one. */
class OfflineCounterSyncTest {
    @TempDir
    Path dir;

    OfflineFixture f;
    OfflineFixture.Box box;
    Slot slot;

    @BeforeEach
    void start() {
        f = OfflineFixture.h2(dir);
        box = f.enroll("box-1");
        slot = f.slot(0);
        f.putAllotment(box.id(), slot.id(), 3);
    }

    @AfterEach
    void stop() {
        f.ts.close();
    }

    OfflineCounter counter(String url) {
        return OfflineCounter.builder()
                .server(url, box.creds.deviceToken())
                .stateDir(dir.resolve("box-state"))
                .signer(box.signer)
                .clock(f.ts.clock)
                .httpClient(f.ts.http)
                .build();
    }

    @Test
    void aCrashBeforeTheSyncOrBeforeItsMarksSyncsEverySaleOnce() throws Exception {
        try (OfflineCounter c = counter(f.ts.server.baseUrl())) {
            assertThat(c.refreshAllotments()).hasSize(1);
        }
        // the cloud goes down: the box office sells from its allotment, then crashes before syncing
        String down = "http://127.0.0.1:9";
        try (OfflineCounter c = counter(down)) {
            OfflineSale one = c.sell(slot.id(), List.of(OfflineItem.of("cable-adult")), "CASH", null);
            c.sell(slot.id(), List.of(OfflineItem.of("cable-adult")), "CODE", null);
            assertThat(one.tickets().get(0).passId()).isEqualTo(box.signer.passId(1));
            assertThatThrownBy(c::sync)
                    .isInstanceOfSatisfying(
                            SyncException.class, e -> assertThat(e.code()).isEqualTo(SyncErrorCode.NETWORK));
            assertThat(c.unsyncedCount()).isEqualTo(2);
        }
        // the cloud is back
        try (OfflineCounter c = counter(f.ts.server.baseUrl())) {
            assertThat(c.unsyncedCount()).isEqualTo(2);
            OfflineSyncReport r = c.sync();
            assertThat(r.synced()).isEqualTo(2);
            assertThat(r.pending()).isZero();
        }
        // a crash after the server recorded them but before the device marked them: sent again, recorded once
        Files.delete(dir.resolve("box-state").resolve("offline-synced.log"));
        try (OfflineCounter c = counter(f.ts.server.baseUrl())) {
            assertThat(c.unsyncedCount()).isEqualTo(2);
            OfflineSyncReport r = c.sync();
            assertThat(r.synced()).isEqualTo(2);
            assertThat(r.refused()).isEmpty();
            assertThat(c.unsyncedCount()).isZero();
            assertThat(c.refreshAllotments().get(0).syncedSold()).isEqualTo(2);
            assertThat(c.allotments().get(0).remaining()).isEqualTo(1);
        }
        Integer bookings = f.ts.server
                .database()
                .read(c -> Jdbc.one(c, "SELECT COUNT(*) FROM booking WHERE channel_id = 'counter'", rs -> rs.getInt(1))
                        .orElseThrow());
        assertThat(bookings).isEqualTo(2);
        Slot after = f.slot(0);
        assertThat(after.sold()).isEqualTo(2);
        assertThat(after.held()).isEqualTo(1); // the allotment's unsold place stays reserved
        assertThat(f.ts.server.inventory().repair().check()).isEmpty();
    }
}
