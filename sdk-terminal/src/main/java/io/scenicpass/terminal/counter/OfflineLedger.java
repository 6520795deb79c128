package io.scenicpass.terminal.counter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scenicpass.core.wire.WireJson;
import io.scenicpass.terminal.internal.journal.UploadLog;
import io.scenicpass.terminal.internal.state.DeltaLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The box office's crash-safe record of offline sales: every sale is appended and forced to disk
 * ({@code offline-sales.log}, the journal's checksummed framing) before the caller gets its passes, and the sales the
 * server took are marked in {@code offline-synced.log}. The n-th record of the sales log has id n. Thread-safe.
 */
final class OfflineLedger implements AutoCloseable {
    private static final ObjectMapper JSON = WireJson.mapper();

    private final DeltaLog log;
    private final UploadLog syncedLog;
    private final List<OfflineSale> sales = new ArrayList<>();
    private final Set<Long> synced = new HashSet<>();
    private final Map<String, Integer> placesBySlot = new HashMap<>();
    private final Map<String, Integer> lastSerial = new HashMap<>();

    private OfflineLedger(DeltaLog log, UploadLog syncedLog) {
        this.log = log;
        this.syncedLog = syncedLog;
    }

    /** Opens (or creates) the ledger in {@code dir}, replaying every complete record; a torn last one is dropped. */
    static OfflineLedger open(Path dir) throws IOException {
        Files.createDirectories(dir);
        List<byte[]> replay = DeltaLog.newReplayList();
        DeltaLog log = DeltaLog.open(dir.resolve("offline-sales.log"), replay);
        Set<Long> marks = new HashSet<>();
        UploadLog syncedLog = UploadLog.open(dir.resolve("offline-synced.log"), marks::add);
        OfflineLedger l = new OfflineLedger(log, syncedLog);
        for (byte[] payload : replay) {
            l.remember(OfflineSale.fromJson(JSON.readTree(payload)));
        }
        l.synced.addAll(marks);
        return l;
    }

    private void remember(OfflineSale s) {
        sales.add(s);
        placesBySlot.merge(s.slotId(), s.places(), Integer::sum);
        JsonNode serials = s.json().path("serials");
        String key = s.json().path("keyId").asText();
        serials.forEach(n -> lastSerial.merge(key, n.asInt(), Math::max));
    }

    /** Places this device has sold on the slot (synced or not). */
    synchronized int soldHere(String slotId) {
        return placesBySlot.getOrDefault(slotId, 0);
    }

    /** The last pass serial used with the signing key {@code keyId} (0: none yet). */
    synchronized int lastSerial(String keyId) {
        return lastSerial.getOrDefault(keyId, 0);
    }

    /** Appends a sale and forces it to disk; only then does it count. */
    synchronized void append(OfflineSale sale) throws IOException {
        log.append(JSON.writeValueAsBytes(sale.json()));
        remember(sale);
    }

    /** One sale with its record id. */
    static final class Pending {
        final long id;
        final OfflineSale sale;

        Pending(long id, OfflineSale sale) {
            this.id = id;
            this.sale = sale;
        }
    }

    /** Up to {@code max} sales not yet marked synced, oldest first. */
    synchronized List<Pending> unsynced(int max) {
        List<Pending> out = new ArrayList<>();
        for (int i = 0; i < sales.size() && out.size() < max; i++) {
            if (!synced.contains(i + 1L)) {
                out.add(new Pending(i + 1L, sales.get(i)));
            }
        }
        return out;
    }

    /** Marks sales as taken by the server (forced to disk). */
    synchronized void markSynced(Collection<Long> ids) throws IOException {
        syncedLog.append(ids);
        synced.addAll(ids);
    }

    synchronized int unsyncedCount() {
        return sales.size() - synced.size();
    }

    synchronized List<OfflineSale> sales() {
        return List.copyOf(sales);
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            log.close();
        } finally {
            syncedLog.close();
        }
    }
}
