package io.scenicpass.terminal.counter;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** What one {@link OfflineCounter#sync()} did: sales the server took, sales it refused (by id: code), sales left. */
public final class OfflineSyncReport {
    private final int synced;
    private final Map<String, String> refused;
    private final int pending;

    OfflineSyncReport(int synced, Map<String, String> refused, int pending) {
        this.synced = synced;
        this.refused = Collections.unmodifiableMap(refused);
        this.pending = pending;
    }

    /** @return sales the server recorded now or had recorded before (a retry) */
    public int synced() {
        return synced;
    }

    /** @return sales the server refused, by sale id: its code and message (never sent again) */
    public Map<String, String> refused() {
        return refused;
    }

    /** @return sales still to sync (the server could not be reached) */
    public int pending() {
        return pending;
    }

    /** @return the refused sale ids */
    public List<String> refusedIds() {
        return List.copyOf(refused.keySet());
    }

    @Override
    public String toString() {
        return "OfflineSyncReport{synced=" + synced + ", refused=" + refused.size() + ", pending=" + pending + "}";
    }
}
